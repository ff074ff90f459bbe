using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Definitions.Compiler;
using Baton.Definitions.Compiler.Yaml;
using NJsonSchema;

namespace Baton.Core.Tests.Definitions;

public sealed class WorkflowLanguageSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() => Load(WorkflowLanguageSchema.Generate()));

    /// <summary>The schema with the custom kind that Fixtures/good/custom-kind.yaml uses.</summary>
    private static readonly Lazy<JsonSchema> SchemaWithLlm = new(() => Load(WorkflowLanguageSchema.Generate(new Dictionary<string, JsonObject?> { ["llm"] = null })));

    public static TheoryData<string> GoodFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Fixtures.Directory, "good"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Fixtures.Directory, file).Replace('\\', '/'));
        }

        return data;
    }

    public static TheoryData<int> DocsExampleIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < DocsExamples.Workflows().Count; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Fact]
    public void DocsExamples_EveryYamlBlockOfTheReference_IsFound()
    {
        DocsExamples.Workflows().Should().HaveCountGreaterThan(12).And.OnlyContain(w => w.StartsWith("name:", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_Root_IsClosedDraft07Object()
    {
        var schema = WorkflowLanguageSchema.Generate();

        schema["$schema"]!.GetValue<string>().Should().Be("http://json-schema.org/draft-07/schema#");
        schema["additionalProperties"]!.GetValue<bool>().Should().BeFalse();
        schema["required"]!.ToJsonString().Should().Be("[\"name\",\"steps\"]");
        schema["properties"]!["name"]!["description"]!.GetValue<string>().Should().StartWith("The workflow's name");
        schema["properties"]!["name"]!["pattern"]!.GetValue<string>().Should().Be("^[A-Za-z][A-Za-z0-9_.-]*$");
    }

    [Fact]
    public void Generate_EveryKind_HasAClosedStepDefinition()
    {
        var definitions = WorkflowLanguageSchema.Generate()["definitions"]!.AsObject();

        foreach (var kind in new[] { "http", "run", "set", "switch", "parallel", "foreach", "steps", "wait", "approval", "workflow", "fail" })
        {
            var step = definitions[$"step-{kind}"]!;
            step["additionalProperties"]!.GetValue<bool>().Should().BeFalse();
            step["required"]!.ToJsonString().Should().Be($"[\"id\",\"{kind}\"]");
            step["properties"]!.AsObject().Select(p => p.Key).Should().Contain(["id", "if", "retry", "timeout", "on-error", "compensate", "max-iterations", kind]);
        }

        definitions["step-http"]!["properties"]!["http"]!["properties"]!["method"]!.ToJsonString().Should().Contain("\"OPTIONS\"");
    }

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public void Generate_Schema_AcceptsEveryGoodFixture(string fixture)
    {
        var json = ToJson(Fixtures.Read(fixture));
        var schema = fixture.EndsWith("custom-kind.yaml", StringComparison.Ordinal) ? SchemaWithLlm : Schema;

        schema.Value.Validate(json.ToJsonString()).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(DocsExampleIndexes))]
    public void Generate_Schema_AcceptsEveryDocsExample(int index)
    {
        var json = ToJson(DocsExamples.Workflows()[index]);

        Schema.Value.Validate(json.ToJsonString()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("name: w\nsteps: [{ id: a, http: { url: '${{ inputs.u }}', method: '${{ inputs.m }}', expect: '${{ inputs.e }}', max-response-bytes: '${{ inputs.n }}' } }]\n")]
    [InlineData("name: w\nversion: 2.1\nsteps: [{ id: a, if: 1, set: { x: 1 }, timeout: ' 1.5h ', retry: { jitter: 1 } }]\n")]
    [InlineData("name: w\nenv: { A: ~, B: 1, C: '' }\nsteps: [{ id: a, wait: '${{ inputs.d }}' }]\n")]
    public void Generate_Schema_AcceptsTemplatesAndScalarsWhereTheCompilerDoes(string yaml)
    {
        Fixtures.Compile(yaml).Diagnostics.Should().BeEmpty();

        Schema.Value.Validate(ToJson(yaml).ToJsonString()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("name: w\nsteps: [{ id: a, set: { x: 1 } }]\nnmae: typo\n")]
    [InlineData("name: w\nsteps: [{ id: a, set: { x: 1 }, retyr: {} }]\n")]
    [InlineData("name: w\nsteps: [{ id: a, http: { url: 'https://x', hedaers: {} } }]\n")]
    [InlineData("name: w\nsteps: [{ id: a, set: { x: 1 }, retry: { attempt: 2 } }]\n")]
    [InlineData("name: w\nsteps: [{ id: a, http: { url: 'https://x' }, run: { command: ls } }]\n")]
    [InlineData("name: w\nsteps: [{ set: { x: 1 } }]\n")]
    [InlineData("name: w\nsteps: [{ id: a, wait: { for: 1s, extra: 1 } }]\n")]
    [InlineData("name: w\nsteps: [{ id: a, set: { x: 1 }, on-error: { goto: b, other: 1 } }]\n")]
    [InlineData("name: w\nsteps: [{ id: a, frobnicate: {} }]\n")]
    [InlineData("name: w\nsteps: []\n")]
    public void Generate_Schema_RejectsUnknownKeysAndShapes(string yaml)
    {
        Schema.Value.Validate(ToJson(yaml).ToJsonString()).Should().NotBeEmpty();
    }

    [Fact]
    public async Task Generate_WithCustomKinds_OffersTheirConfigSchema()
    {
        var config = JsonNode.Parse("""{ "type": "object", "required": ["model"], "properties": { "model": { "type": "string" } } }""")!.AsObject();
        var schema = await JsonSchema.FromJsonAsync(WorkflowLanguageSchema.Generate(new Dictionary<string, JsonObject?> { ["llm"] = config, ["noop"] = null }).ToJsonString());

        schema.Validate(ToJson("name: w\nsteps:\n  - id: a\n    llm: { model: m }\n  - id: b\n    noop: 1\n").ToJsonString()).Should().BeEmpty();
        schema.Validate(ToJson("name: w\nsteps:\n  - id: a\n    llm: { prompt: '${{ inputs.p }}' }\n").ToJsonString()).Should().BeEmpty("a templated configuration is checked when it runs");
        WorkflowLanguageSchema.Generate(new Dictionary<string, JsonObject?> { ["llm"] = config })["definitions"]!["step-custom-llm"]!["properties"]!["llm"]!["anyOf"]![0]!
            .ToJsonString().Should().Be(config.ToJsonString());
    }

    [Theory]
    [MemberData(nameof(DocsExampleIndexes))]
    public void Compile_DocsExample_HasNoStructuralErrors(int index)
    {
        string[] outsideTheFragment = [DiagnosticCodes.UndeclaredEnv, DiagnosticCodes.UndeclaredSecret, DiagnosticCodes.UnknownStep, DiagnosticCodes.InvalidGoto, DiagnosticCodes.ChildNotFound];

        var result = Fixtures.Compile(DocsExamples.Workflows()[index]);

        result.Diagnostics.Where(d => !outsideTheFragment.Contains(d.Code)).Should().BeEmpty();
    }

    private static JsonSchema Load(JsonObject schema) => JsonSchema.FromJsonAsync(schema.ToJsonString()).GetAwaiter().GetResult();

    private static JsonNode ToJson(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlReader.Read(yaml, "w.yaml", diagnostics);
        diagnostics.HasErrors.Should().BeFalse();
        return root!.ToJson()!;
    }
}
