using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>The draft 2020-12 keywords that the inputs schema accepts are enforced on a run's inputs.</summary>
public sealed class InputValidatorKeywordTests
{
    [Theory]
    [InlineData("{ const: 3 }", "3.0", null)]
    [InlineData("{ const: 3 }", "4", "must be 3")]
    [InlineData("{ const: ok }", "\"no\"", "must be 'ok'")]
    [InlineData("{ enum: ['1', '2'] }", "1", "must be one of '1', '2'")]
    [InlineData("{ enum: ['1', '2'] }", "\"1\"", null)]
    [InlineData("{ enum: [1, 2] }", "1.0", null)]
    [InlineData("{ type: integer }", "1.0", null)]
    [InlineData("{ type: integer }", "1e2", null)]
    [InlineData("{ type: integer }", "1.5", "must be an integer, not a number")]
    [InlineData("{ type: integer }", "1.0000000000000000000000000001", "must be an integer, not a number")]
    [InlineData("{ type: [string, 'null'] }", "true", "must be a string or null, not a boolean")]
    [InlineData("{ type: array, contains: { type: string } }", "[1, 2]", "must hold an item that matches the 'contains' schema")]
    [InlineData("{ type: array, contains: { type: string }, minContains: 2 }", "[\"a\", 1]", "must hold at least 2 items that match the 'contains' schema")]
    [InlineData("{ type: array, contains: { type: string }, maxContains: 1 }", "[\"a\", \"b\"]", "must hold at most 1 items that match the 'contains' schema")]
    [InlineData("{ type: array, uniqueItems: true }", "[{\"a\": 1}, {\"a\": 1.0}]", "must not repeat an item")]
    [InlineData("{ not: { type: string, description: text is not allowed } }", "\"x\"", "matches a form that is not allowed: text is not allowed")]
    [InlineData("{ oneOf: [{ type: number }, { type: integer }] }", "1", "matches more than one of the allowed forms; it must match exactly one")]
    [InlineData("{ anyOf: [{ type: string }, { type: integer }] }", "true", "does not match any of the allowed forms")]
    [InlineData("{ type: string, format: date-time }", "\"tomorrow\"", "must be a date and time such as 2026-12-01T09:00:00Z")]
    [InlineData("{ format: date-time }", "5", null)]
    [InlineData("{ type: string, format: uuid }", "\"x\"", "must be a UUID")]
    [InlineData(@"{ type: string, pattern: '^\d+$' }", "\"\u0663\"", "must match the pattern '^\\d+$'")]
    [InlineData(@"{ type: string, pattern: '^\w+$' }", "\"é\"", "must match the pattern '^\\w+$'")]
    [InlineData(@"{ type: string, pattern: '^\d+$' }", "\"42\"", null)]
    [InlineData("{ type: string, pattern: '^[a-z]+(?:-[a-z]+)*$' }", "\"to-do\"", null)]
    [InlineData("{ type: string, pattern: '^[a-z]+(?:-[a-z]+)*$' }", "\"to--do\"", "must match the pattern '^[a-z]+(?:-[a-z]+)*$'")]
    public void Validate_Keyword_IsEnforced(string schema, string value, string? expected)
    {
        var errors = Validate($"v: {schema}", $$"""{ "v": {{value}} }""");

        if (expected is null)
        {
            errors.Should().BeEmpty();
        }
        else
        {
            errors.Should().Equal(new InputError("inputs.v", expected));
        }
    }

    [Fact]
    public void Validate_FormatBatonDoesNotCheck_AcceptsAnyString()
    {
        var result = Fixtures.Compile("name: w\ninputs:\n  type: object\n  properties:\n    id: { type: string, format: int64 }\nsteps:\n  - id: s\n    set: { x: 1 }\n");

        result.Diagnostics.Select(d => d.Code).Should().Equal("BATON064");
        InputValidator.Validate(result.Definition!, JsonNode.Parse("""{ "id": "not a number" }""")!.AsObject()).Should().BeEmpty();
    }

    [Fact]
    public void Validate_PrefixItemsThenItems_NamesTheRightIndexes()
    {
        var errors = Validate("l: { type: array, prefixItems: [{ type: string }], items: { type: integer } }", """{ "l": [1, 2, "x", 4, "y"] }""");

        errors.Should().Equal(
            new InputError("inputs.l[0]", "must be a string, not a number"),
            new InputError("inputs.l[2]", "must be an integer, not a string"),
            new InputError("inputs.l[4]", "must be an integer, not a string"));
    }

    [Fact]
    public void Validate_ItemsFalseAfterPrefixItems_NamesTheExtraItems()
    {
        var errors = Validate("l: { type: array, prefixItems: [{}, {}], items: false }", """{ "l": [1, 2, 3] }""");

        errors.Should().Equal(new InputError("inputs.l[2]", "is not allowed: the list holds more items than the schema allows"));
    }

    [Fact]
    public void Validate_PropertyNamesAndDependentRequired_SayWhichMember()
    {
        var errors = Validate(
            "o: { type: object, propertyNames: { maxLength: 2 }, dependentRequired: { a: [b] } }",
            """{ "o": { "a": 1, "long": 2 } }""");

        errors.Should().BeEquivalentTo([
            new InputError("inputs.o.b", "is required when 'a' is given"),
            new InputError("inputs.o.long", "is not an allowed name: the name must be at most 2 characters long"),
        ]);
    }

    [Fact]
    public void Validate_IfThen_AppliesThenWhenIfMatches()
    {
        const string Schema = "o: { type: object, if: { properties: { kind: { const: refund } }, required: [kind] }, then: { required: [amount] } }";

        Validate(Schema, """{ "o": { "kind": "refund" } }""").Should().Equal(new InputError("inputs.o.amount", "is required"));
        Validate(Schema, """{ "o": { "kind": "note" } }""").Should().BeEmpty();
    }

    [Fact]
    public void Validate_UnevaluatedPropertiesFalse_RejectsWhatNoSubschemaDeclares()
    {
        var definition = Fixtures.CompileValid("""
            name: w
            inputs:
              type: object
              allOf: [{ properties: { a: { type: string } } }]
              properties: { b: { type: string } }
              unevaluatedProperties: false
            steps:
              - id: s
                set: { x: 1 }
            """);

        InputValidator.Validate(definition, JsonNode.Parse("""{ "a": "x", "b": "y", "c": 1 }""")!.AsObject())
            .Should().Equal(new InputError("inputs.c", "is not an input this workflow accepts"));
    }

    [Fact]
    public void Validate_StringReachedThroughRef_IsCheckedAsAString()
    {
        var definition = Fixtures.CompileValid("""
            name: w
            inputs:
              type: object
              $defs:
                id: { type: string, pattern: "^[a-z]+$" }
              properties:
                ref: { $ref: "#/$defs/id" }
            steps:
              - id: s
                set: { x: 1 }
            """);

        InputValidator.Validate(definition, JsonNode.Parse("""{ "ref": "ABC" }""")!.AsObject())
            .Should().Equal(new InputError("inputs.ref", "must match the pattern '^[a-z]+$'"));
    }

    [Fact]
    public void Validate_RecursiveSchema_FollowsTheReferenceIntoEachLevel()
    {
        var definition = Fixtures.CompileValid("""
            name: w
            inputs:
              type: object
              properties:
                tree: { $ref: "#/$defs/node" }
              $defs:
                node: { type: object, properties: { name: { type: string }, kids: { type: array, items: { $ref: "#/$defs/node" } } } }
            steps:
              - id: s
                set: { x: 1 }
            """);

        InputValidator.Validate(definition, JsonNode.Parse("""{ "tree": { "kids": [{ "kids": [{ "name": 7 }] }] } }""")!.AsObject())
            .Should().Equal(new InputError("inputs.tree.kids[0].kids[0].name", "must be a string, not a number"));
    }

    internal static IReadOnlyList<InputError> Validate(string property, string inputs)
    {
        var definition = Fixtures.CompileValid($$"""
            name: w
            inputs:
              type: object
              properties:
                {{property}}
            steps:
              - id: s
                set: { x: 1 }
            """);
        return InputValidator.Validate(definition, JsonNode.Parse(inputs)!.AsObject());
    }
}
