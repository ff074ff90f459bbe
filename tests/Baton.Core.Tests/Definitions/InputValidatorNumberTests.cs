using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>Numbers of any size, in inputs and in the schema, are compared by their exact value and never crash validation.</summary>
public sealed class InputValidatorNumberTests
{
    [Theory]
    [InlineData("{ type: integer }", "99999999999999999999", null)]
    [InlineData("{ type: integer }", "1e400", null)]
    [InlineData("{ type: integer }", "1e-400", "must be an integer, not a number")]
    [InlineData("{ type: integer, maximum: 10 }", "99999999999999999999", "must be at most 10")]
    [InlineData("{ type: number, maximum: 10 }", "1e400", "must be at most 10")]
    [InlineData("{ type: number, minimum: 0 }", "-1e-400", "must be at least 0")]
    [InlineData("{ type: number, maximum: 123456789012345678901234567890 }", "123456789012345678901234567891", "must be at most 123456789012345678901234567890")]
    [InlineData("{ type: number, maximum: 123456789012345678901234567890 }", "123456789012345678901234567890", null)]
    [InlineData("{ type: number, exclusiveMaximum: 1 }", "1.00000000000000000000000000000000001", "must be less than 1")]
    [InlineData("{ type: number, multipleOf: 3 }", "99999999999999999999999999999999999999999", null)]
    [InlineData("{ type: number, multipleOf: 0.1 }", "0.30000000000000000000000000000001", "must be a multiple of 0.1")]
    [InlineData("{ const: 1e400 }", "1e401", "must be 1e400")]
    [InlineData("{ const: 1e400 }", "10e399", null)]
    [InlineData("{ enum: [100000000000000000000000000000001] }", "100000000000000000000000000000002", "must be one of 100000000000000000000000000000001")]
    [InlineData("{ type: array, uniqueItems: true }", "[1e400, 1e401, 10e399]", "must not repeat an item")]
    public void Validate_Number_ComparedByItsExactValue(string schema, string value, string? expected)
    {
        var definition = Fixtures.CompileValid($$"""
            name: w
            inputs:
              type: object
              properties:
                n: {{schema}}
            steps:
              - id: s
                set: { x: 1 }
            """);

        var errors = InputValidator.Validate(definition, JsonNode.Parse($$"""{ "n": {{value}} }""")!.AsObject());

        if (expected is null)
        {
            errors.Should().BeEmpty();
        }
        else
        {
            errors.Should().Equal(new InputError("inputs.n", expected));
        }
    }

    [Fact]
    public void Validate_HugeNumberInAnUndeclaredInput_IsReportedAsUndeclared()
    {
        var definition = Fixtures.CompileValid("""
            name: w
            inputs:
              type: object
              additionalProperties: false
              properties:
                n: { type: integer }
            steps:
              - id: s
                set: { x: 1 }
            """);

        var errors = InputValidator.Validate(definition, JsonNode.Parse("""{ "n": 1, "other": 99999999999999999999999999999999999999 }""")!.AsObject());

        errors.Should().Equal(new InputError("inputs.other", "is not an input this workflow accepts"));
    }

    [Fact]
    public void Validate_DefinitionWhoseSchemaCannotBeUsed_ReportsItOnInputs()
    {
        // As a definition stored by an older version may hold: a draft-07 list under 'items'.
        var compiled = Fixtures.CompileValid("name: w\nsteps:\n  - id: s\n    set: { x: 1 }\n");
        var definition = new WorkflowDefinition
        {
            Name = "w",
            InputSchema = JsonNode.Parse("""{ "type": "object", "items": [{ "type": "string" }] }""")!.AsObject(),
            Steps = compiled.Steps,
            Hash = string.Empty,
            Source = compiled.Source,
        };

        var errors = InputValidator.Validate(definition, []);

        errors.Should().ContainSingle().Which.Path.Should().Be("inputs");
        errors[0].Message.Should().StartWith("cannot be checked, because the input schema of workflow 'w' cannot be used:");
    }
}
