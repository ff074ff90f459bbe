using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

public sealed class InputValidatorTests
{
    private const string Workflow = """
        name: inputs
        inputs:
          type: object
          required: [client, items]
          additionalProperties: false
          properties:
            client: { type: string, minLength: 2 }
            tier: { type: string, enum: [basic, enterprise], default: basic }
            when: { type: string, format: date-time }
            count: { type: integer, minimum: 1, default: 1 }
            items:
              type: array
              items:
                type: object
                required: [name]
                properties:
                  name: { type: string }
                  size: { type: number, maximum: 10 }
        steps:
          - id: a
            set: { x: "${{ inputs.client }}" }
        """;

    private static readonly WorkflowDefinition Definition = Fixtures.CompileValid(Workflow);

    [Fact]
    public void Validate_ValidInputs_ReturnsNoErrors()
    {
        var inputs = Parse("""{ "client": "acme", "tier": "basic", "when": "2026-12-01T09:00:00Z", "items": [{ "name": "a", "size": 2 }] }""");

        InputValidator.Validate(Definition, inputs).Should().BeEmpty();
    }

    [Fact]
    public void Validate_MissingRequired_SaysIsRequired()
    {
        var errors = InputValidator.Validate(Definition, Parse("""{ "items": [] }"""));

        errors.Should().Equal(new InputError("inputs.client", "is required"));
    }

    [Fact]
    public void Validate_WrongTypes_SayWhatWasGiven()
    {
        var errors = InputValidator.Validate(Definition, Parse("""{ "client": 42, "items": "none", "count": 1.5 }"""));

        errors.Should().BeEquivalentTo([
            new InputError("inputs.client", "must be a string, not a number"),
            new InputError("inputs.items", "must be a list, not a string"),
            new InputError("inputs.count", "must be an integer, not a number"),
        ]);
    }

    [Fact]
    public void Validate_NestedProblems_HavePathsWithIndexes()
    {
        var errors = InputValidator.Validate(Definition, Parse("""{ "client": "acme", "items": [{ "name": "a" }, { "size": 2 }, { "name": 3, "size": 11 }] }"""));

        errors.Should().BeEquivalentTo([
            new InputError("inputs.items[1].name", "is required"),
            new InputError("inputs.items[2].name", "must be a string, not a number"),
            new InputError("inputs.items[2].size", "must be at most 10"),
        ]);
    }

    [Fact]
    public void Validate_ConstraintsAndUnknownInputs_AreSentences()
    {
        var errors = InputValidator.Validate(Definition, Parse("""{ "client": "a", "tier": "gold", "when": "tomorrow", "count": 0, "items": [], "extra": true }"""));

        errors.Should().BeEquivalentTo([
            new InputError("inputs.client", "must be at least 2 characters long"),
            new InputError("inputs.tier", "must be one of 'basic', 'enterprise'"),
            new InputError("inputs.when", "must be a date and time such as 2026-12-01T09:00:00Z"),
            new InputError("inputs.count", "must be at least 1"),
            new InputError("inputs.extra", "is not an input this workflow accepts"),
        ]);
    }

    [Fact]
    public void Validate_WithoutSchema_AcceptsAnyObject()
    {
        var definition = Fixtures.CompileValid("name: free\nsteps:\n  - id: a\n    set: { x: 1 }\n");

        InputValidator.Validate(definition, Parse("""{ "anything": [1, 2] }""")).Should().BeEmpty();
    }

    [Fact]
    public void Validate_ErrorsFormatIntoTheInputException()
    {
        var errors = InputValidator.Validate(Definition, Parse("{}"));

        new WorkflowInputException(Definition.Name, errors).Message.Should().Be(
            $"The inputs do not match the input schema of workflow 'inputs':{Environment.NewLine}  inputs.client: is required{Environment.NewLine}  inputs.items: is required");
    }

    [Fact]
    public void Validate_SameHash_UsesTheSchemaParsedFirst()
    {
        var definition = Fixtures.CompileValid(Workflow + "\n# pinned copy\n");
        InputValidator.Validate(definition, Parse("{}")).Should().HaveCount(2);

        definition.InputSchema!.Remove("required");

        InputValidator.Validate(definition, Parse("{}")).Should().HaveCount(2, "the schema parsed for this hash is reused");
    }

    [Fact]
    public void ApplyDefaults_MissingTopLevelInputs_TakeTheirDefaults()
    {
        var inputs = Parse("""{ "client": "acme", "count": 5 }""");

        var result = InputValidator.ApplyDefaults(Definition, inputs);

        result.ToJsonString().Should().Be("""{"client":"acme","count":5,"tier":"basic"}""");
        inputs.ToJsonString().Should().Be("""{"client":"acme","count":5}""", "the caller's object is not changed");
    }

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
