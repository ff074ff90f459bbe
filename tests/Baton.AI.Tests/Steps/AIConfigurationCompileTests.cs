using Baton.Definitions;

namespace Baton.AI.Tests.Steps;

/// <summary>
/// Mistakes in AI configuration are compile errors, with a position and a hint, so that a run never fails on them after
/// earlier steps have acted. The compiler is the engine's, which knows the AI step kinds and the registered providers.
/// </summary>
public sealed class AIConfigurationCompileTests
{
    [Fact]
    public async Task Compile_StepModelWithAnUnknownProvider_ReportsItWithAHint()
    {
        await using var h = await AIHarness.CreateAsync();

        var error = Single(h, """
            name: typo
            steps:
              - id: ask
                llm: { model: opneai/gpt-4o-mini, prompt: hello }
            """);

        error.Code.Should().Be("BATON084");
        (error.Location.Line, error.Location.Column).Should().Be((4, 19));
        error.Message.Should().Contain("'opneai'").And.Contain("anthropic, ollama, openai, scripted").And.Contain("Did you mean 'openai'?");
    }

    [Fact]
    public async Task Compile_AliasToAnUnknownProviderInTheProjectConfig_ReportsItThere()
    {
        await using var h = await AIHarness.CreateAsync();
        h.Write("baton.yaml", """
            models:
              fast: opneai/gpt-4o-mini
            """);

        var error = Single(h, """
            name: typo
            steps:
              - id: ask
                llm: { model: fast, prompt: hello }
            """);

        error.Code.Should().Be("BATON084");
        error.Location.File.Should().EndWith("baton.yaml");
        (error.Location.Line, error.Location.Column).Should().Be((2, 9));
        error.Message.Should().Contain("Did you mean 'openai'?");
    }

    [Fact]
    public async Task Compile_UndefinedAlias_ReportsTheAliasesAndTheClosest()
    {
        await using var h = await AIHarness.CreateAsync();

        var error = Single(h, """
            name: typo
            models:
              smart: openai/gpt-4o
              fast: openai/gpt-4o-mini
            steps:
              - id: ask
                agent: { model: smrt, goal: Work. }
            """);

        error.Code.Should().Be("BATON085");
        (error.Location.Line, error.Location.Column).Should().Be((7, 21));
        error.Message.Should().Contain("'smrt' (agent.model)").And.Contain("The aliases are: fast, smart.").And.Contain("Did you mean 'smart'?");
    }

    [Fact]
    public async Task Compile_AliasFromTheProjectConfig_IsAccepted()
    {
        await using var h = await AIHarness.CreateAsync();
        h.Write("baton.yaml", "models:\n  smart: openai/gpt-4o\n");

        var result = h.Engine.Compile(h.Write("workflow.yaml", """
            name: fine
            steps:
              - id: ask
                classify: { model: smart, input: hello, choices: [a, b] }
              - id: templated
                llm: { model: "${{ steps.ask.output.choice }}", prompt: hello }
            """));

        result.Diagnostics.Should().BeEmpty("an alias of the project config is defined, and a template is checked when it runs");
    }

    [Fact]
    public async Task Compile_MisspeltProviderSettings_ReportsThemWithAHint()
    {
        await using var h = await AIHarness.CreateAsync();
        h.Write("baton.yaml", """
            providers:
              openia: { max-retries: 2 }
            """);

        var error = Single(h, """
            name: typo
            steps:
              - id: ask
                llm: { model: openai/gpt-4o-mini, prompt: hello }
            """);

        error.Code.Should().Be("BATON084");
        (error.Location.Line, error.Location.Column).Should().Be((2, 3));
        error.Message.Should().Contain("providers.openia").And.Contain("Did you mean 'openai'?");
    }

    [Fact]
    public async Task Compile_BadToolNameAndMcpEntriesWithoutAnAllowList_ReportsEveryOne()
    {
        await using var h = await AIHarness.CreateAsync();

        var result = h.Engine.Compile(h.Write("workflow.yaml", """
            name: tools
            models:
              worker: openai/gpt-4o-mini
            steps:
              - id: work
                agent:
                  model: worker
                  goal: Work.
                  tools:
                    - name: bad name!
                      description: A tool.
                      run: { command: echo }
                    - mcp: { command: ./server-a }
                    - mcp: { command: ./server-b }
            """));

        result.Diagnostics.Select(d => (d.Code, d.Location.Line)).Should().Equal(("BATON062", 10), ("BATON062", 13), ("BATON062", 14));
        result.Diagnostics[0].Message.Should().Contain("'tools[0].name'");
        result.Diagnostics[1].Message.Should().Contain("'tools[1].mcp.tools' is required");
    }

    [Fact]
    public async Task Compile_ScriptedModelNamedWithoutAnAlias_SaysItNeedsOne()
    {
        await using var h = await AIHarness.CreateAsync();

        var error = Single(h, """
            name: scripted
            steps:
              - id: ask
                llm: { model: scripted/triage, prompt: hello }
            """);

        error.Code.Should().Be("BATON081");
        error.Message.Should().Contain("script: ./responses.yaml");
    }

    [Fact]
    public async Task Compile_ToolEntriesAndChoicesTheStepWouldRefuse_AreEachReportedAtTheirEntry()
    {
        await using var h = await AIHarness.CreateAsync();

        var errors = h.Engine.Compile(h.Write("workflow.yaml", """
            name: tools
            steps:
              - id: pick
                classify: { model: openai/gpt-4o-mini, input: hi, choices: [a, a] }
              - id: blank
                llm: { model: openai/gpt-4o-mini, prompt: hi, choices: [" ", b] }
              - id: act
                agent:
                  model: openai/gpt-4o-mini
                  goal: Work.
                  tools:
                    - { description: d, http: { url: "http://localhost/x" } }
                    - { name: docs, mcp: { command: ./server, tools: [a] } }
                    - { mcp: { command: ./server, tools: [b], bogus: 1 } }
                    - { name: both, description: d, http: { url: "http://localhost/x" }, run: { command: ls } }
                    - { name: none, description: d }
                    - { mcp: { command: ./server, tools: [c], args: [--x, 1], env: { A: "1", B: null }, working-dir: . } }
            """)).Diagnostics;

        errors.Select(e => (e.Code, e.Location.Line, Message: e.Message[..e.Message.IndexOf(" (the '", StringComparison.Ordinal)])).Should().Equal(
            ("BATON062", 4, "'choices' must not repeat an item"),
            ("BATON062", 6, "'choices[0]' matches a form that is not allowed: a label must not be blank"),
            ("BATON062", 12, "'tools[0].name' is required"),
            ("BATON062", 13, "'tools[1]' matches a form that is not allowed: an mcp entry takes no name, description or parameters: the server gives them; list the tools the agent may use in mcp.tools"),
            ("BATON062", 14, "'tools[2].mcp.bogus' is not an allowed property"),
            ("BATON062", 15, "'tools[3]' matches a form that is not allowed: a tool has only one of the keys http, run, workflow and mcp"),
            ("BATON062", 16, "'tools[4]' matches a form that is not allowed: a tool needs one of the keys http, run, workflow or mcp, which says what it calls"));
    }

    private static Diagnostic Single(AIHarness h, string workflow)
        => h.Engine.Compile(h.Write("workflow.yaml", workflow)).Diagnostics.Should().ContainSingle().Subject;
}
