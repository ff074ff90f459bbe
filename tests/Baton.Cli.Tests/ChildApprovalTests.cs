using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary>An approval that waits in a child run, reached from the parent run that the user started.</summary>
public sealed class ChildApprovalTests
{
    [Fact]
    public async Task Run_ApprovalInAChildRun_HintNamesTheChildRunAndTheExactCommand()
    {
        using var cli = new CliRunner();
        var parent = WriteWorkflows(cli);

        var result = await cli.RunAsync("run", parent);
        var childId = ChildRunId(await cli.RunAsync("runs", "--json"));

        result.ExitCode.Should().Be(3, result.ToString());
        result.Stdout.Should().Contain($"approval 'review' waits in child run {childId}: baton approve {childId} review");
    }

    [Fact]
    public async Task Approve_ParentRunAndAStepOfItsChild_DecidesInTheChildAndCompletesTheParent()
    {
        using var cli = new CliRunner();
        var parentId = (await cli.RunAsync("run", WriteWorkflows(cli), "--json")).Json["runId"]!.GetValue<string>();

        var result = await cli.RunAsync("approve", parentId, "review", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["runId"]!.GetValue<string>().Should().Be(parentId);
        result.Json["status"]!.GetValue<string>().Should().Be("completed");
    }

    [Fact]
    public async Task Approve_ParentRunAndAnUnknownStep_ListsTheChildsApprovalWithItsCommand()
    {
        using var cli = new CliRunner();
        var parentId = (await cli.RunAsync("run", WriteWorkflows(cli), "--json")).Json["runId"]!.GetValue<string>();
        var childId = ChildRunId(await cli.RunAsync("runs", "--json"));

        var result = await cli.RunAsync("approve", parentId, "reveiw");

        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain($"'review' in child run {childId} (baton approve {childId} review)").And.NotContain("none");
    }

    private static string WriteWorkflows(CliRunner cli)
    {
        cli.Write("child.yaml", "name: child\nsteps:\n  - id: review\n    approval: { title: \"OK?\" }\n");
        return cli.Write("parent.yaml", "name: parent\nsteps:\n  - id: sub\n    workflow: { path: ./child.yaml }\n  - id: done\n    set: { y: 2 }\n");
    }

    private static string ChildRunId(CliResult runs)
        => runs.Json.AsArray().Single(r => r!["workflow"]!.GetValue<string>() == "child")!["runId"]!.GetValue<string>();
}
