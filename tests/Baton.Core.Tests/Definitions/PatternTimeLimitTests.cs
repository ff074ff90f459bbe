using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>
/// A <c>pattern</c> or <c>patternProperties</c> key that backtracks without end on a value (<c>^(\w+)+$</c> against
/// many letters and a final '!') gives up after the expression language's time limit, and the value is rejected with
/// an error at its path, never a hang.
/// </summary>
public sealed class PatternTimeLimitTests
{
    private const string Catastrophic = @"^(\w+)+$";

    private static readonly string Slow = new string('a', 40) + "!";

    private static readonly string TimedOut = $"could not be checked: matching it against the pattern '{Catastrophic}' took too long (over 100 ms); simplify the pattern";

    [Fact]
    public void Validate_InputWithCatastrophicPattern_FailsWithTheTimeLimitError()
    {
        var errors = Validate($"name: {{ type: string, pattern: '{Catastrophic}' }}", $$"""{ "name": "{{Slow}}" }""");

        errors.Should().Equal(new InputError("inputs.name", TimedOut));
    }

    [Fact]
    public void Validate_ManyStringsAgainstCatastrophicPattern_StopsAtTheFirstTimeout()
    {
        var list = string.Join(", ", Enumerable.Repeat($"\"{Slow}\"", 50));

        var errors = Validate($"list: {{ type: array, items: {{ pattern: '{Catastrophic}' }} }}", $$"""{ "list": [{{list}}] }""");

        errors.Should().Equal(new InputError("inputs.list[0]", TimedOut));
    }

    [Fact]
    public void Validate_CatastrophicPatternUnderNot_RejectsTheValue()
    {
        var errors = Validate($"name: {{ type: string, not: {{ pattern: '{Catastrophic}' }} }}", $$"""{ "name": "{{Slow}}" }""");

        errors.Should().Equal(new InputError("inputs.name", TimedOut));
    }

    [Fact]
    public void Validate_CatastrophicPatternAfterPrefixItems_NamesTheRightIndex()
    {
        var errors = Validate($"list: {{ type: array, prefixItems: [{{ type: string }}], items: {{ pattern: '{Catastrophic}' }} }}", $$"""{ "list": ["x", "{{Slow}}"] }""");

        errors.Should().Equal(new InputError("inputs.list[1]", TimedOut));
    }

    [Fact]
    public void Validate_MemberNameAgainstCatastrophicPatternProperties_FailsAtTheMember()
    {
        var errors = Validate($"bag: {{ type: object, patternProperties: {{ '{Catastrophic}': {{ type: integer }} }} }}", $$"""{ "bag": { "{{Slow}}": 1 } }""");

        errors.Should().Equal(new InputError(
            $"inputs.bag.{Slow}",
            $"could not be checked: matching its name against the pattern '{Catastrophic}' took too long (over 100 ms); simplify the pattern"));
    }

    [Fact]
    public void Validate_PatternPropertiesThatMatch_StillCheckTheirMembersAndExcuseThemFromAdditionalProperties()
    {
        var errors = Validate(
            "bag: { type: object, patternProperties: { '^n_': { type: integer } }, additionalProperties: false }",
            """{ "bag": { "n_a": 1, "n_b": "x", "other": 2 } }""");

        errors.Should().Equal(
            new InputError("inputs.bag.n_b", "must be an integer, not a string"),
            new InputError("inputs.bag.other", "is not an allowed property"));
    }

    [Fact]
    public void Validate_NestedQuantifierOnPlainCharacters_FailsWithTheTimeLimitError()
    {
        var errors = Validate("name: { type: string, pattern: '^(a+)+$' }", $$"""{ "name": "{{Slow}}" }""");

        errors.Should().Equal(new InputError("inputs.name", "could not be checked: matching it against the pattern '^(a+)+$' took too long (over 100 ms); simplify the pattern"));
    }

    [Fact]
    public void Validate_ValueThatMatchesQuickly_IsAccepted()
    {
        var errors = Validate($"name: {{ type: string, pattern: '{Catastrophic}' }}", """{ "name": "aaaa" }""");

        errors.Should().BeEmpty();
    }

    [Fact]
    public void Compile_DefaultAgainstCatastrophicPattern_ReportsTheTimeLimitAtTheDefault()
    {
        var result = Fixtures.Compile($"name: w\ninputs:\n  type: object\n  properties:\n    name: {{ type: string, pattern: '{Catastrophic}', default: {Slow} }}\nsteps:\n  - id: s\n    set: {{ x: 1 }}\n");

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            $"w.yaml:5:57: error BATON063: The default of input 'name' {TimedOut}; every run that leaves 'name' out would be rejected.");
    }

    [Fact]
    public void Compile_CustomConfigAgainstCatastrophicPattern_ReportsTheTimeLimitWhereWritten()
    {
        var options = new WorkflowCompilerOptions
        {
            CustomKinds = new Dictionary<string, JsonObject?>
            {
                ["tag"] = JsonNode.Parse($$"""{ "type": "object", "properties": { "label": { "type": "string", "pattern": "{{Catastrophic.Replace(@"\", @"\\", StringComparison.Ordinal)}}" } } }""")!.AsObject(),
            },
        };

        var result = Fixtures.Compile($"name: w\nsteps:\n  - id: s\n    tag: {{ label: {Slow} }}\n", options);

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            $"w.yaml:4:19: error BATON062: 'label' {TimedOut} (the 'tag' step's configuration schema).");
    }

    [Theory]
    [InlineData("{ type: string, pattern: '(a' }", "pattern")]
    [InlineData("{ type: object, patternProperties: { '[z-a]': {} } }", "patternProperties")]
    public void Compile_PatternThatCannotBeCompiled_IsRejectedWhereWritten(string schema, string keyword)
    {
        var result = Fixtures.Compile($"name: w\ninputs:\n  type: object\n  properties:\n    v: {schema}\nsteps:\n  - id: s\n    set: {{ x: 1 }}\n");

        var error = result.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be("BATON061");
        error.Message.Should().Contain("is not a valid regular expression");
        result.Heads().Should().ContainSingle().Which.Should().StartWith(keyword == "pattern" ? "w.yaml:5:33:" : "w.yaml:5:45:");
    }

    private static IReadOnlyList<InputError> Validate(string property, string inputs) => InputValidatorKeywordTests.Validate(property, inputs);
}
