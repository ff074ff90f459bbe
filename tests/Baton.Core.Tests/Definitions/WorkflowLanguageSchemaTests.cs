using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Definitions.Compiler;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Core.Tests.Definitions;

public sealed class WorkflowLanguageSchemaTests
{
    private static readonly Lazy<PublishedSchema> Schema = new(() => Load(WorkflowLanguageSchema.Generate()));

    /// <summary>The schema with the custom kind that Fixtures/good/custom-kind.yaml uses.</summary>
    private static readonly Lazy<PublishedSchema> SchemaWithLlm = new(() => Load(WorkflowLanguageSchema.Generate(new Dictionary<string, JsonObject?> { ["llm"] = null })));

    /// <summary>The schema with the AI kinds that Fixtures/good/ai uses.</summary>
    private static readonly Lazy<PublishedSchema> SchemaWithAi = new(() => Load(WorkflowLanguageSchema.Generate(AiKindSchemas.Kinds)));

    private static readonly Lazy<PublishedSchema> ProjectSchema = new(() => Load(WorkflowLanguageSchema.GenerateProjectConfig()));

    /// <summary>Every workflow under Fixtures/good: project configs and the scripts of scripted models are not workflows.</summary>
    public static TheoryData<string> GoodFixtures()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Fixtures.Directory, "good"), "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Fixtures.Directory, file).Replace('\\', '/');
            if (Path.GetFileName(file) != "baton.yaml" && !relative.Contains("/scripted/", StringComparison.Ordinal))
            {
                data.Add(relative);
            }
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
            var keys = step["properties"]!.AsObject().Select(p => p.Key).ToList();
            keys.Should().Contain(["id", "if", "timeout", "on-error", "compensate", "max-iterations", kind]);
            keys.Contains("retry").Should().Be(kind is not ("switch" or "parallel" or "foreach" or "steps"), "a step that holds steps takes no retry");
        }

        definitions["step-http"]!["properties"]!["http"]!["properties"]!["method"]!.ToJsonString().Should().Contain("\"OPTIONS\"");
    }

    [Theory]
    [MemberData(nameof(GoodFixtures))]
    public void Generate_Schema_AcceptsEveryGoodFixture(string fixture)
    {
        var json = ToJson(Fixtures.Read(fixture));
        var schema = fixture.EndsWith("custom-kind.yaml", StringComparison.Ordinal) ? SchemaWithLlm
            : fixture.StartsWith("good/ai/", StringComparison.Ordinal) ? SchemaWithAi
            : Schema;

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

    [Theory]
    [InlineData("name: w\nsteps: [{ id: g, retry: { attempts: 2 }, steps: [{ id: a, set: { x: 1 } }] }]\n", "BATON032")]
    [InlineData("name: w\nsteps: [{ id: p, retry: { attempts: 2 }, parallel: [[{ id: a, set: { x: 1 } }]] }]\n", "BATON032")]
    [InlineData("name: w\nsteps: [{ id: f, retry: { attempts: 2 }, foreach: { items: '${{ [1] }}', steps: [{ id: a, set: { x: 1 } }] } }]\n", "BATON032")]
    [InlineData("name: w\nsteps: [{ id: s, retry: { attempts: 2 }, switch: { cases: [], default: { steps: [{ id: a, set: { x: 1 } }] } } }]\n", "BATON032")]
    [InlineData("name: w\nsteps: [{ id: a, wait: { for: 1s, events: [go] } }]\n", "BATON029")]
    [InlineData("name: w\nsteps: [{ id: a, wait: { } }]\n", "BATON029")]
    [InlineData("name: w\nsteps: [{ id: a, wait: { for: 1s, timeout: 5s } }]\n", "BATON029")]
    public void Generate_Schema_RejectsWhatTheCompilerRejectsBeyondKeys(string yaml, string code)
    {
        Fixtures.Compile(yaml).Diagnostics.Select(d => d.Code).Should().Contain(code);

        Schema.Value.Validate(ToJson(yaml).ToJsonString()).Should().NotBeEmpty();
    }

    [Theory]
    [InlineData("name: w\nsteps: [{ id: a, wait: { events: [go, stop], timeout: 5s } }]\n")]
    [InlineData("name: w\nsteps: [{ id: a, wait: { event: go, timeout: 5s } }]\n")]
    [InlineData("name: w\nsteps: [{ id: a, wait: { until: '2030-01-01T00:00:00Z' } }]\n")]
    [InlineData("name: w\nsteps: [{ id: a, retry: { attempts: 2 }, workflow: { path: ./child.yaml } }]\n")]
    public void Generate_Schema_AcceptsEachWaitFormAndRetryOnWorkflowSteps(string yaml)
    {
        Schema.Value.Validate(ToJson(yaml).ToJsonString()).Should().BeEmpty();
    }

    [Fact]
    public void Generate_WithCustomKinds_OffersTheirConfigSchema()
    {
        var config = JsonNode.Parse("""{ "type": "object", "required": ["model"], "properties": { "model": { "type": "string" } } }""")!.AsObject();
        var schema = PublishedSchema.Load(WorkflowLanguageSchema.Generate(new Dictionary<string, JsonObject?> { ["llm"] = config, ["noop"] = null }));

        schema.Validate(ToJson("name: w\nsteps:\n  - id: a\n    llm: { model: m }\n  - id: b\n    noop: 1\n").ToJsonString()).Should().BeEmpty();
        schema.Validate(ToJson("name: w\nsteps:\n  - id: a\n    llm: { model: '${{ inputs.m }}' }\n").ToJsonString()).Should().BeEmpty("a template is checked once rendered");
        schema.Validate(ToJson("name: w\nsteps:\n  - id: a\n    llm: '${{ vars.config }}'\n").ToJsonString()).Should().BeEmpty("a template is checked once rendered");
        schema.Validate(ToJson("name: w\nsteps:\n  - id: a\n    llm: { prompt: '${{ inputs.p }}' }\n").ToJsonString()).Should().NotBeEmpty("'model' is required, templates or not");
        schema.Validate(ToJson("name: w\nsteps:\n  - id: a\n    llm: { model: 1 }\n").ToJsonString()).Should().NotBeEmpty("a literal is checked");
        var generated = WorkflowLanguageSchema.Generate(new Dictionary<string, JsonObject?> { ["llm"] = config });
        generated["definitions"]!["step-custom-llm"]!["properties"]!["llm"]!["$ref"]!.GetValue<string>().Should().Be("#/definitions/config(llm)");
        generated["definitions"]!["config(llm)"]!["anyOf"]![0]!["required"]!.ToJsonString().Should().Be("[\"model\"]");
    }

    [Fact]
    public void Generate_Models_IsAClosedMapOfAliases()
    {
        var models = WorkflowLanguageSchema.Generate()["properties"]!["models"]!;

        models["propertyNames"]!["pattern"]!.GetValue<string>().Should().Be("^[A-Za-z][A-Za-z0-9_.-]*$");
        models["additionalProperties"]!["anyOf"]![1]!["additionalProperties"]!.GetValue<bool>().Should().BeFalse();
        models["additionalProperties"]!["anyOf"]![1]!["required"]!.ToJsonString().Should().Be("[\"model\"]");
    }

    [Theory]
    [InlineData("models: { fast: openai/gpt-4o-mini, smart: { model: anthropic/claude, temperature: 0.2, max-tokens: 100 }, t: { model: scripted/t, script: t.yaml } }")]
    [InlineData("models: {}")]
    public void Generate_Schema_AcceptsModels(string models)
    {
        var yaml = $"name: w\n{models}\nsteps: [{{ id: a, set: {{ x: 1 }} }}]\n";

        Schema.Value.Validate(ToJson(yaml).ToJsonString()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("models: { fast: gpt-4o }")]
    [InlineData("models: { fast: { model: openai/x, temprature: 1 } }")]
    [InlineData("models: { fast: { model: openai/x, temperature: 3 } }")]
    [InlineData("models: { fast: { temperature: 1 } }")]
    public void Generate_Schema_RejectsBadModels(string models)
    {
        var yaml = $"name: w\n{models}\nsteps: [{{ id: a, set: {{ x: 1 }} }}]\n";

        Schema.Value.Validate(ToJson(yaml).ToJsonString()).Should().NotBeEmpty();
    }

    [Fact]
    public void GenerateProjectConfig_Root_IsClosedDraft07Object()
    {
        var schema = WorkflowLanguageSchema.GenerateProjectConfig();

        schema["$schema"]!.GetValue<string>().Should().Be("http://json-schema.org/draft-07/schema#");
        schema["$id"]!.GetValue<string>().Should().Be("urn:baton:project");
        schema["additionalProperties"]!.GetValue<bool>().Should().BeFalse();
        schema["properties"]!.AsObject().Select(p => p.Key).Should().Equal("models", "providers", "prices");
    }

    [Fact]
    public void GenerateProjectConfig_Schema_AcceptsTheFixture()
    {
        ProjectSchema.Value.Validate(ToJson(Fixtures.Read("good/ai/baton.yaml")).ToJsonString()).Should().BeEmpty();
    }

    [Theory]
    [InlineData("modles: {}\n")]
    [InlineData("providers: { openai: { base_url: 'https://x' } }\n")]
    [InlineData("providers: { openai: { base-url: 'ftp://x' } }\n")]
    [InlineData("providers: { openai: { max-concurrency: 0 } }\n")]
    [InlineData("providers: { openai: { max-retries: 11 } }\n")]
    [InlineData("providers: { openai: { timeout: 60 } }\n")]
    [InlineData("prices: { openai/x: { input: 1 } }\n")]
    [InlineData("prices: { openai/x: { input: -1, output: 1 } }\n")]
    public void GenerateProjectConfig_Schema_RejectsWhatTheCompilerRejects(string yaml)
    {
        ProjectSchema.Value.Validate(ToJson(yaml).ToJsonString()).Should().NotBeEmpty();
    }

    [Fact]
    public void Generate_CustomKindWithOwnDefinitions_MovesThemAndTheirReferences()
    {
        var config = JsonNode.Parse("""
            { "$id": "urn:example:tooling", "type": "object", "additionalProperties": false,
              "properties": { "tools": { "type": "array", "items": { "$ref": "#/$defs/tool" } }, "self": { "$ref": "#" } },
              "$defs": { "tool": { "type": "object", "required": ["name"], "additionalProperties": false, "properties": { "name": { "type": "string" }, "n": { "type": "integer" } } } } }
            """)!.AsObject();

        var generated = WorkflowLanguageSchema.Generate(new Dictionary<string, JsonObject?> { ["tooling"] = config });
        var schema = PublishedSchema.Load(generated);

        generated["definitions"]!.AsObject().Select(d => d.Key).Should().Contain(["config(tooling)", "config(tooling):tool"]);
        schema.Validate(ToJson("name: w\nsteps:\n  - id: a\n    tooling: { tools: [{ name: x, n: '${{ inputs.n }}' }], self: { tools: [] } }\n").ToJsonString()).Should().BeEmpty();
        schema.Validate(ToJson("name: w\nsteps:\n  - id: a\n    tooling: { tools: [{ name: x, other: 1 }] }\n").ToJsonString()).Should().NotBeEmpty();
        schema.Validate(ToJson("name: w\nsteps:\n  - id: a\n    tooling: { self: { tools: [{ n: 1 }] } }\n").ToJsonString()).Should().NotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(DocsExampleIndexes))]
    public void Compile_DocsExample_HasNoStructuralErrors(int index)
    {
        string[] outsideTheFragment = [DiagnosticCodes.UndeclaredEnv, DiagnosticCodes.UndeclaredSecret, DiagnosticCodes.UnknownStep, DiagnosticCodes.InvalidGoto, DiagnosticCodes.ChildNotFound];

        var result = Fixtures.Compile(DocsExamples.Workflows()[index]);

        result.Diagnostics.Where(d => !outsideTheFragment.Contains(d.Code)).Should().BeEmpty();
    }

    private static PublishedSchema Load(JsonObject schema) => PublishedSchema.Load(schema);

    private static JsonNode ToJson(string yaml)
    {
        var diagnostics = new DiagnosticBag();
        var root = YamlReader.Read(yaml, "w.yaml", diagnostics);
        diagnostics.HasErrors.Should().BeFalse();
        return root!.ToJson()!;
    }
}
