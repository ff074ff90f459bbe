using System.Text.Json;
using Baton.AI.Tests.Tools;
using Baton.Storage;
using Baton.Testing.Models;
using Microsoft.AspNetCore.Http;

namespace Baton.AI.Tests.Steps;

public sealed class AgentStepTests
{
    private const string KbScript = """
        #!/bin/sh
        # Knowledge-base stand-in: reads the tool arguments (JSON) on stdin.
        read args
        case "$args" in
          *password*) echo '{"articles":[{"id":"KB-42","title":"Reset your password"}]}' ;;
          *) echo '{"articles":[]}' ;;
        esac
        """;

    [Fact]
    public async Task Agent_CallsItsToolsRecordsEveryTurnAndCallAndAnswers()
    {
        await using var crm = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync($$"""{"customer":"{{context.Request.Query["email"]}}","plan":"pro"}""");
        });
        await using var h = await AIHarness.CreateAsync();
        WriteKb(h);
        h.Write("agent.yaml", """
            responses:
              - tool-calls:
                  - { name: kb_search, arguments: { query: reset password } }
                  - { name: crm_lookup, arguments: { email: dana@example.com } }
                  - { name: delete_account, arguments: { email: dana@example.com } }
              - when: KB-42
                text: Follow KB-42 to reset your password, Dana (plan pro).
            """);

        var result = await h.RunAsync(AgentWorkflow(crm.Url("customers")));

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        result.Output!["answer"]!.GetValue<string>().Should().Be("Follow KB-42 to reset your password, Dana (plan pro).");
        result.Output!["turns"]!.GetValue<int>().Should().Be(2);
        var calls = result.Output!["toolCalls"]!.AsArray();
        calls.Select(c => (c!["name"]!.GetValue<string>(), c["ok"]!.GetValue<bool>())).Should().Equal(("kb_search", true), ("crm_lookup", true), ("delete_account", false));
        calls[2]!["code"]!.GetValue<string>().Should().Be("tool.not-allowed");

        var entries = (await h.StepsAsync(result.RunId)).Where(s => s.IsJournalEntry).ToList();
        entries.Select(e => e.Path).Should().Equal("draft/turn-1", "draft/tool-1.1-kb_search", "draft/tool-1.2-crm_lookup", "draft/tool-1.3-delete_account", "draft/turn-2");
        var refused = entries.Single(e => e.StepId == "tool-1.3-delete_account");
        refused.Status.Should().Be(StepStatus.Failed, "a tool that is not on the allow-list is refused and recorded, never executed");
        refused.Error!.Code.Should().Be("tool.not-allowed");
        entries.Single(e => e.StepId == "tool-1.2-crm_lookup").Output!["content"]!["body"]!["plan"]!.GetValue<string>().Should().Be("pro");
    }

    [Fact]
    public async Task Agent_OverItsTokenBudget_FailsAndRoutesByOnError()
    {
        await using var h = await AIHarness.CreateAsync();
        WriteKb(h);
        h.Write("agent.yaml", """
            responses:
              - tool-calls: [{ name: kb_search, arguments: { query: password } }]
                usage: { input: 900, output: 200 }
              - text: never reached
            """);

        var result = await h.RunAsync(AgentWorkflow("http://127.0.0.1:9/unused", budget: "budget: { tokens: 1000 }", onError: "on-error: { goto: escalate }"));

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        result.Output!.GetValue<string>().Should().Be("escalated: budget.exceeded");
    }

    [Fact]
    public async Task Agent_WithoutAFinalAnswer_FailsAtMaxIterations()
    {
        await using var h = await AIHarness.CreateAsync();
        WriteKb(h);
        h.Write("agent.yaml", """
            responses:
              - tool-calls: [{ name: kb_search, arguments: { query: a } }]
              - tool-calls: [{ name: kb_search, arguments: { query: b } }]
              - tool-calls: [{ name: kb_search, arguments: { query: c } }]
            """);

        var result = await h.RunAsync(AgentWorkflow("http://127.0.0.1:9/unused", maxIterations: 2));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Code.Should().Be("agent.max-iterations");
    }

    [Fact]
    public async Task Agent_UsesTheAllowListedToolsOfAnMcpServerAndNoOthers()
    {
        await using var h = await AIHarness.CreateAsync();
        var marker = Path.Combine(h.Directory, "delete-everything-was-called");
        h.Write("agent.yaml", """
            responses:
              - tool-calls:
                  - { name: search_docs, arguments: { query: refunds } }
                  - { name: delete_everything }
                  - { name: read_env, arguments: { name: TEST_MCP_DELETE_MARKER } }
              - text: done
            """);

        var result = await h.RunAsync($$$"""
            name: mcp-agent
            models:
              writer: { model: scripted/agent, script: ./agent.yaml }
            steps:
              - id: draft
                agent:
                  model: writer
                  goal: Find the refund policy.
                  tools:
                    - mcp:
                        command: dotnet
                        args: ["{{{TestMcpServer.Dll}}}"]
                        env: { TEST_MCP_DELETE_MARKER: "{{{marker}}}" }
                        tools: [search_docs, fetch_doc, read_env]
            outputs: ${{ steps.draft.output }}
            """);

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        var calls = result.Output!["toolCalls"]!.AsArray();
        calls.Select(c => c!["ok"]!.GetValue<bool>()).Should().Equal(true, false, true);
        calls[1]!["code"]!.GetValue<string>().Should().Be("tool.not-allowed", "the server has delete_everything, but it is not on the allow-list");
        var steps = await h.StepsAsync(result.RunId);
        JsonSerializer.Serialize(steps.Single(s => s.StepId == "tool-1.1-search_docs").Output).Should().Contain("refund");
        JsonSerializer.Serialize(steps.Single(s => s.StepId == "tool-1.3-read_env").Output).Should().Contain(
            JsonSerializer.Serialize(marker).Trim('"'), "the server got the marker's path, so delete_everything would have left it");
        File.Exists(marker).Should().BeFalse("the model asked for delete_everything, but it was never executed");
    }

    [Fact]
    public async Task Agent_WorkflowTool_RunsAChildRunAndReturnsItsOutput()
    {
        await using var h = await AIHarness.CreateAsync();
        h.Write("refund.yaml", """
            name: refund
            inputs:
              type: object
              required: [order, amount]
              properties: { order: { type: string }, amount: { type: number, maximum: 50 } }
            steps:
              - id: book
                set: { refunded: "${{ inputs.order }}:${{ inputs.amount }}" }
            outputs: { refunded: "${{ vars.refunded }}" }
            """);
        h.Write("agent.yaml", """
            responses:
              - tool-calls: [{ name: refund, arguments: { order: A-7, amount: 20 } }]
              - when: A-7:20
                text: Refunded.
            """);

        var result = await h.RunAsync("""
            name: with-child
            models:
              writer: { model: scripted/agent, script: ./agent.yaml }
            steps:
              - id: draft
                agent:
                  model: writer
                  goal: Refund order A-7.
                  tools:
                    - name: refund
                      description: Refund an order, up to 50.
                      workflow: { path: ./refund.yaml }
            outputs: ${{ steps.draft.output.answer }}
            """);

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        result.Output!.GetValue<string>().Should().Be("Refunded.");
        var child = (await h.Store.ListRunsAsync(new RunQuery { WorkflowName = "refund" }, CancellationToken.None)).Single();
        child.Status.Should().Be(RunStatus.Completed);
        child.Output!["refunded"]!.GetValue<string>().Should().Be("A-7:20");
    }

    [Fact]
    public async Task Agent_AgainstAnOpenAICompatibleServer_SendsToolResultsBackInTheProtocol()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Enqueue(
            ModelReply.WithToolCalls(new ModelReplyToolCall("call_abc", "kb_search", """{"query":"password"}""")),
            ModelReply.WithText("See KB-42."));
        await using var h = await AIHarness.CreateAsync(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test" });
        WriteKb(h);
        h.Write("baton.yaml", $$"""
            providers:
              openai: { base-url: "{{server.BaseUrl}}" }
            """);

        var result = await h.RunAsync(AgentWorkflow("http://127.0.0.1:9/unused").Replace("writer: { model: scripted/agent, script: ./agent.yaml }", "writer: openai/gpt-4o-mini", StringComparison.Ordinal));

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        result.Output!["answer"]!.GetValue<string>().Should().Be("See KB-42.");
        var first = server.Requests[0].Body;
        first.GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("function").GetProperty("name").GetString()).Should().BeEquivalentTo(["kb_search", "crm_lookup"]);
        var followUp = JsonSerializer.Serialize(server.Requests[1].Body);
        followUp.Should().Contain("call_abc").And.Contain("KB-42");
    }

    [Fact]
    public async Task Agent_ToolResultWithQuotesAndApostrophes_ReachesTheModelReadable()
    {
        await using var server = await LoopbackOpenAIServer.StartAsync();
        server.Enqueue(ModelReply.WithToolCalls(new ModelReplyToolCall("call_1", "note", "{}")), ModelReply.WithText("Noted."));
        await using var h = await AIHarness.CreateAsync(new Dictionary<string, string> { ["OPENAI_API_KEY"] = "sk-test" });
        File.SetUnixFileMode(h.Write("tools/note.sh", "#!/bin/sh\necho '{\"note\": \"it'\\''s \\\"fine\\\"\"}'\n"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        h.Write("baton.yaml", $$"""
            providers:
              openai: { base-url: "{{server.BaseUrl}}" }
            """);

        var result = await h.RunAsync("""
            name: quoting
            steps:
              - id: draft
                agent:
                  model: openai/gpt-4o-mini
                  goal: Take a note.
                  tools:
                    - name: note
                      description: Returns a note.
                      run: { command: ./tools/note.sh }
            """);

        result.Status.Should().Be(RunStatus.Completed, result.Error?.Message);
        var toolMessage = server.Requests[1].Body.GetProperty("messages").EnumerateArray().Single(m => m.GetProperty("role").GetString() == "tool");
        var content = toolMessage.GetProperty("content").GetString()!;
        content.Should().Contain("it's \\\"fine\\\"", "quotes are escaped as JSON requires, and apostrophes not at all");
        content.Should().NotContain("\\u0022").And.NotContain("\\u0027");
    }

    private static void WriteKb(AIHarness h)
    {
        var path = h.Write("tools/kb.sh", KbScript);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static string AgentWorkflow(string crmUrl, string budget = "", string onError = "", int maxIterations = 5) => $$$"""
        name: support
        models:
          writer: { model: scripted/agent, script: ./agent.yaml }
        steps:
          - id: draft
            agent:
              model: writer
              goal: Reply to Dana, who cannot log in.
              max-iterations: {{{maxIterations}}}
              {{{budget}}}
              tools:
                - name: kb_search
                  description: Search the knowledge base.
                  parameters: { type: object, required: [query], properties: { query: { type: string } } }
                  run: { command: ./tools/kb.sh }
                - name: crm_lookup
                  description: Find a customer by e-mail.
                  parameters: { type: object, required: [email], properties: { email: { type: string } } }
                  http: { method: GET, url: "{{{crmUrl}}}" }
            {{{onError}}}
          - id: done
            set: { result: "${{ steps.draft.output }}" }
          - id: escalate
            if: steps.draft.status == 'failed'
            set: { result: "escalated: ${{ steps.draft.error.code }}" }
        outputs: ${{ vars.result }}
        """;
}
