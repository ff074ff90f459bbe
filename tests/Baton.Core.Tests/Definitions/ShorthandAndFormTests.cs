using System.Text.Json.Nodes;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

public sealed class ShorthandAndFormTests
{
    [Fact]
    public void Compile_EnvAsList_DeclaresRequiredVariables()
    {
        var def = Fixtures.CompileValid("name: w\nenv: [A, B_2]\nsteps:\n  - id: s\n    set: { a: \"${{ env.A }}${{ env.B_2 }}\" }\n");

        def.Env.Should().Equal(new EnvVariable("A", null, true), new EnvVariable("B_2", null, true));
    }

    [Fact]
    public void Compile_EnvMappingWithScalars_KeepsDefaultsAsWritten()
    {
        var def = Fixtures.CompileValid("name: w\nenv: { PORT: 8080, DEBUG: true, EMPTY: '', NONE: ~ }\nsteps:\n  - id: s\n    set: { a: 1 }\n");

        def.Env.Should().Equal(
            new EnvVariable("PORT", "8080", false),
            new EnvVariable("DEBUG", "true", false),
            new EnvVariable("EMPTY", null, true),
            new EnvVariable("NONE", null, true));
    }

    [Theory]
    [InlineData("\"true\"", "\"true\"")]
    [InlineData("true", "true")]
    [InlineData("'42'", "\"42\"")]
    [InlineData("42", "42")]
    [InlineData("~", "null")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("1.50", "1.50")]
    public void Compile_SetValue_KeepsYamlCoreSchemaTypes(string yaml, string json)
    {
        var def = Fixtures.CompileValid($"name: w\nsteps:\n  - id: s\n    set: {{ v: {yaml} }}\n");

        var value = ((SetStep)def.GetStep("s")).Values[0].Value;

        value.IsConstant.Should().BeTrue();
        (value.Render(new TestExpressionContext([]))?.ToJsonString() ?? "null").Should().Be(json);
    }

    [Fact]
    public void Compile_SingleExpressionTemplate_RendersTypedValue()
    {
        var def = Fixtures.CompileValid("name: w\nsteps:\n  - id: s\n    set: { n: \"${{ 1 + 2 }}\", t: \"n=${{ 1 + 2 }}\" }\n");
        var values = ((SetStep)def.GetStep("s")).Values;
        var context = new TestExpressionContext([]);

        values[0].Value.Render(context)!.ToJsonString().Should().Be("3");
        values[1].Value.Render(context)!.ToJsonString().Should().Be("\"n=3\"");
    }

    [Theory]
    [InlineData("on-error: fail", OnErrorAction.Fail, null)]
    [InlineData("on-error: continue", OnErrorAction.Continue, null)]
    [InlineData("on-error: { continue: ~ }", OnErrorAction.Continue, null)]
    [InlineData("on-error: { goto: b }", OnErrorAction.Goto, "b")]
    public void Compile_OnErrorForms_Bind(string yaml, OnErrorAction action, string? target)
    {
        var def = Fixtures.CompileValid($"name: w\nsteps:\n  - id: a\n    set: {{ x: 1 }}\n    {yaml}\n  - id: b\n    set: {{ y: 1 }}\n");

        var policy = def.GetStep("a").OnError;

        policy.Action.Should().Be(action);
        policy.Target.Should().Be(target);
        policy.Output.Should().BeNull();
    }

    [Fact]
    public void Compile_OnErrorContinueValue_IsRenderedOutput()
    {
        var def = Fixtures.CompileValid("name: w\nsteps:\n  - id: a\n    set: { x: 1 }\n    on-error: { continue: [1, 'two'] }\n");

        def.GetStep("a").OnError.Output!.Render(new TestExpressionContext([]))!.ToJsonString().Should().Be("[1,\"two\"]");
    }

    [Fact]
    public void Compile_ConditionBareOrTemplate_ParsesBoth()
    {
        var def = Fixtures.CompileValid("name: w\nsteps:\n  - id: a\n    if: true\n    set: { x: 1 }\n  - id: b\n    if: ${{ steps.a.status == 'completed' }}\n    set: { x: 1 }\n  - id: c\n    if: steps.a.status == 'skipped'\n    set: { x: 1 }\n");
        var context = new TestExpressionContext(new JsonObject { ["steps"] = new JsonObject { ["a"] = new JsonObject { ["status"] = "completed" } } });

        def.GetStep("a").If!.Evaluate(context)!.GetValue<bool>().Should().BeTrue();
        def.GetStep("b").If!.Evaluate(context)!.GetValue<bool>().Should().BeTrue();
        def.GetStep("c").If!.Evaluate(context)!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public void Compile_DefaultsWithoutTimeout_LeaveStepsUnbounded()
    {
        var def = Fixtures.CompileValid("name: w\ndefaults: { retry: { attempts: 2 } }\nsteps:\n  - id: a\n    set: { x: 1 }\n");

        def.GetStep("a").Retry.Should().Be(new RetryPolicy { Attempts = 2 });
        def.GetStep("a").Timeout.Should().BeNull();
    }

    [Fact]
    public void Compile_NoDefaults_LeavesRetryAndTimeoutNull()
    {
        var def = Fixtures.CompileValid("name: w\nsteps:\n  - id: a\n    http: { url: https://example.com }\n");

        def.GetStep("a").Retry.Should().BeNull();
        def.GetStep("a").Timeout.Should().BeNull();
        def.GetStep("a").MaxIterations.Should().Be(StepDefinition.DefaultMaxIterations);
    }

    [Fact]
    public void Compile_CustomKind_TakesDefaultsAndHoldsConfig()
    {
        var options = new WorkflowCompilerOptions { CustomKinds = new Dictionary<string, JsonObject?> { ["llm"] = null } };

        var def = new WorkflowCompiler(options).CompileFile(Fixtures.PathOf("good/custom-kind.yaml")).GetDefinitionOrThrow();

        var step = def.GetStep("summarize").Should().BeOfType<ActionStep>().Subject;
        step.Kind.Should().Be("llm");
        step.Config.IsConstant.Should().BeFalse();
        def.GetStep("classify").Should().BeOfType<ActionStep>().Which.Config.IsConstant.Should().BeTrue();
    }

    [Fact]
    public void Compile_CustomKindWithSchema_ChecksTheConfigAroundItsTemplates()
    {
        var schema = JsonNode.Parse("""
            { "type": "object", "required": ["model"], "additionalProperties": false,
              "properties": { "model": { "type": "string" }, "prompt": { "type": "string" }, "temperature": { "type": "number", "maximum": 1 } } }
            """)!.AsObject();
        var options = new WorkflowCompilerOptions { CustomKinds = new Dictionary<string, JsonObject?> { ["llm"] = schema } };
        const string Yaml = "name: w\nsteps:\n  - id: a\n    llm: { prompt: hi, temperature: 3, tone: dry }\n  - id: b\n    llm: { model: '${{ inputs.m }}', temperature: 9 }\n";

        var result = Fixtures.Compile(Yaml, options);

        result.Diagnostics.Select(d => d.ToString()).Should().Equal(
            "w.yaml:4:10: error BATON062: 'model' is required (the 'llm' step's configuration schema).",
            "w.yaml:4:37: error BATON062: 'temperature' must be at most 1 (the 'llm' step's configuration schema).",
            "w.yaml:4:40: error BATON062: 'tone' is not an allowed property (the 'llm' step's configuration schema).",
            "w.yaml:6:51: error BATON062: 'temperature' must be at most 1 (the 'llm' step's configuration schema).");
    }

    [Fact]
    public void Compile_CustomKindNamedLikeCommonKey_IsNotAKind()
    {
        var options = new WorkflowCompilerOptions { CustomKinds = new Dictionary<string, JsonObject?> { ["timeout"] = null } };

        var result = Fixtures.Compile("name: w\nsteps:\n  - id: a\n    timeout: 1s\n", options);

        result.Heads().Should().Equal("w.yaml:3:5: error BATON013");
    }

    [Fact]
    public void Compile_Diagnostic_FormatsForEditors()
    {
        var result = Fixtures.Compile("name: w\nsteps:\n  - id: a\n    set: { x: 1 }\n    retyr: 1\n");

        result.Diagnostics.Should().ContainSingle().Which.ToString()
            .Should().Be("w.yaml:5:5: error BATON010: 'retyr' is not a key of a step. Did you mean 'retry'?");
        var thrown = FluentActions.Invoking(() => result.GetDefinitionOrThrow()).Should().Throw<WorkflowDefinitionException>().Which;
        thrown.Diagnostics.Should().BeEquivalentTo(result.Diagnostics);
    }

    [Fact]
    public void Compile_Warning_DoesNotFailCompilation()
    {
        var result = Fixtures.Compile("name: w\nsteps:\n  - id: a\n    if: \"x ${{ true }}\"\n    set: { x: 1 }\n");

        result.Success.Should().BeTrue();
        result.Heads().Should().Equal("w.yaml:4:9: warning BATON050");
    }

    [Fact]
    public void Compile_CrLfLineEndings_GiveSamePositions()
    {
        var result = Fixtures.Compile("name: w\r\nsteps:\r\n  - id: a\r\n    set: { x: \"${{ nope }}\" }\r\n");

        result.Heads().Should().Equal("w.yaml:4:20: error BATON041");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void Constructor_NonPositiveMaxFileBytes_NamesTheOption(int bytes)
    {
        var act = () => new WorkflowCompiler(new WorkflowCompilerOptions { MaxFileBytes = bytes });

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("WorkflowCompilerOptions.MaxFileBytes must be a positive number of bytes*");
    }
}
