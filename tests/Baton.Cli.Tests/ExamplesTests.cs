using Baton.Cli.Tests.Support;

namespace Baton.Cli.Tests;

/// <summary>The examples in examples/, run end to end through the real CLI, as their READMEs tell users to.</summary>
public sealed class ExamplesTests
{
    private static string Example(string name) => Path.Combine(CliRunner.RepositoryRoot, "examples", name, $"{name}.yaml");

    [Fact]
    public async Task CampaignReport_HighConfidence_RunsStraightThroughAndDelivers()
    {
        using var cli = new CliRunner();
        var output = Path.Combine(cli.Directory, "out");
        cli.Environment["REPORT_OUT"] = output;

        var result = await cli.RunAsync("run", Example("campaign-report"), "--input", "client=acme", "--input", "campaign=spring-sale", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        var outputs = result.Json["output"]!;
        outputs["reviewedBy"]!.GetValue<string>().Should().Be("auto (high confidence)");
        outputs["roas"]!.GetValue<double>().Should().Be(4.02);
        var report = File.ReadAllText(outputs["location"]!.GetValue<string>());
        report.Should().Contain("\"campaign\":\"spring-sale\"").And.Contain("\"week\":\"2026-W47\"");
        File.ReadAllText(Path.Combine(output, "notifications.log")).Should().Contain("dana@agency.example");
        File.ReadAllText(Path.Combine(output, "crm-tasks.log")).Should().Contain(outputs["followUp"]!.GetValue<string>());
        result.Step("review")["status"]!.GetValue<string>().Should().Be("skipped");
    }

    [Fact]
    public async Task CampaignReport_LowConfidence_WaitsForTheStrategistWhoseEditIsDelivered()
    {
        using var cli = new CliRunner();
        cli.Environment["REPORT_OUT"] = Path.Combine(cli.Directory, "out");

        var waiting = await cli.RunAsync("run", Example("campaign-report"), "--input", "client=acme", "--input", "campaign=small-test", "--json");
        waiting.ExitCode.Should().Be(3, waiting.ToString());
        var runId = waiting.Json["runId"]!.GetValue<string>();

        var approved = await cli.RunAsync("approve", runId, "review", "--by", "strategist-kim", "--data", """{"summary":"Small test: below target, keep running one more week."}""", "--json");

        approved.ExitCode.Should().Be(0, approved.ToString());
        approved.Json["output"]!["reviewedBy"]!.GetValue<string>().Should().Be("user:strategist-kim");
        File.ReadAllText(approved.Json["output"]!["location"]!.GetValue<string>()).Should().Contain("keep running one more week");
    }

    [Fact]
    public async Task CampaignReport_FiguresThatDoNotAddUp_FailWithFiguresInvalid()
    {
        using var cli = new CliRunner();
        cli.Environment["REPORT_OUT"] = Path.Combine(cli.Directory, "out");

        var result = await cli.RunAsync("run", Example("campaign-report"), "--input", "client=acme", "--input", "campaign=broken-feed", "--json");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Json["error"]!["code"]!.GetValue<string>().Should().Be("figures.invalid");
        Directory.Exists(Path.Combine(cli.Directory, "out", "reports")).Should().BeFalse("nothing is delivered");
    }

    [Fact]
    public async Task IncidentRemediation_RetriesTheFlakyMetricsWaitsDurablyAndVerifies()
    {
        using var cli = new CliRunner();
        cli.Environment["OPS_STATE"] = Path.Combine(cli.Directory, "ops");

        var result = await cli.RunAsync("run", Example("incident-remediation"), "--input", "service=checkout", "--input", "settle=1s", "--wait", "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["output"]!["remediated"]!.GetValue<bool>().Should().BeTrue();
        result.Json["output"]!["metricsSource"]!.GetValue<string>().Should().Be("primary");
        var steps = result.Json["steps"]!.AsArray();
        steps.Single(s => s!["id"]!.GetValue<string>() == "metrics")!["attempts"]!.GetValue<int>().Should().Be(2, "the first attempt hits a transient 503");
        steps.Single(s => s!["id"]!.GetValue<string>() == "settle")!["durationMs"]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(1000);
        File.ReadAllLines(Path.Combine(cli.Directory, "ops", "actions.log")).Should().Equal("drain checkout", "restart checkout", "restore checkout");
    }

    [Fact]
    public async Task IncidentRemediation_WithoutWait_ExitsWaitingAndAWorkerFinishesIt()
    {
        using var cli = new CliRunner();
        cli.Environment["OPS_STATE"] = Path.Combine(cli.Directory, "ops");

        var waiting = await cli.RunAsync("run", Example("incident-remediation"), "--input", "service=checkout", "--input", "settle=1s", "--json");
        waiting.ExitCode.Should().Be(3, waiting.ToString());

        var worker = cli.Start("worker");
        try
        {
            var runId = waiting.Json["runId"]!.GetValue<string>();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string status;
            do
            {
                await Task.Delay(100, timeout.Token);
                status = (await cli.RunAsync("show", runId, "--json")).Json["status"]!.GetValue<string>();
            }
            while (status == "waiting" || status == "running");

            status.Should().Be("completed");
        }
        finally
        {
            worker.Kill(entireProcessTree: true);
            await worker.WaitForExitAsync();
            worker.Dispose();
        }
    }

    [Fact]
    public async Task IncidentRemediation_PrimaryDownAndFixFails_UsesTheReplicaThenCompensatesInReverse()
    {
        using var cli = new CliRunner();
        cli.Environment["OPS_STATE"] = Path.Combine(cli.Directory, "ops");

        var result = await cli.RunAsync("run", Example("incident-remediation"), "--input", "service=search", "--input", "primaryDown=true",
            "--input", "fixWorks=false", "--input", "settle=1s", "--wait", "--json");

        result.ExitCode.Should().Be(1, result.ToString());
        result.Json["error"]!["code"]!.GetValue<string>().Should().Be("run.exit-code");
        var steps = result.Json["steps"]!.AsArray();
        steps.Single(s => s!["id"]!.GetValue<string>() == "metrics-fallback")!["status"]!.GetValue<string>().Should().Be("completed");
        steps.Single(s => s!["id"]!.GetValue<string>() == "restart")!["status"]!.GetValue<string>().Should().Be("compensated");
        File.ReadAllLines(Path.Combine(cli.Directory, "ops", "actions.log")).Should().Equal("drain search", "restart search", "rollback search", "restore search");
    }

    [Fact]
    public async Task CrashRecovery_KilledMidStep_WorkerResumesAndOnlyTheInterruptedStepRunsAgain()
    {
        using var cli = new CliRunner();
        var ledger = Path.Combine(cli.Directory, "sync", "ledger.txt");
        cli.Environment["SYNC_OUT"] = Path.GetDirectoryName(ledger)!;

        using (var victim = cli.Start("run", Example("crash-recovery"), "--input", "seconds=30"))
        {
            // Each step takes 30 s in this process, so the kill lands while 'extract' runs; the worker's steps take none.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (!File.Exists(ledger) || File.ReadAllLines(ledger).Length == 0)
            {
                await Task.Delay(20, timeout.Token);
            }

            victim.Kill();
            await victim.WaitForExitAsync();
        }

        var runId = (await cli.RunAsync("runs", "--status", "running", "--json")).Json.AsArray().Single()!["runId"]!.GetValue<string>();
        cli.Environment["SYNC_SECONDS"] = "0";
        var worker = await cli.RunAsync("worker", "--until-idle");

        worker.ExitCode.Should().Be(0, worker.ToString());
        worker.Stdout.Should().Contain("Resuming 1 run(s)");
        var lines = File.ReadAllLines(ledger);
        lines.Select(l => l.Split(' ')[0]).Should().Equal("extract", "extract", "transform", "load", "reconcile", "publish");
        lines[0].Should().Be(lines[1]).And.EndWith($"{runId}:extract", "the interrupted step runs again with the same idempotency key");
        var details = (await cli.RunAsync("show", runId, "--json")).Json;
        details["status"]!.GetValue<string>().Should().Be("completed");
        details["timeline"]!.AsArray().Select(e => e!["type"]!.GetValue<string>()).Should().Contain(["run.recovered", "step.interrupted"]);
    }

    [Fact]
    public async Task DocumentIntake_RoutesEachDocumentByTypeAndUrgency()
    {
        using var cli = new CliRunner();
        var output = Path.Combine(cli.Directory, "intake");
        cli.Environment["INTAKE_OUT"] = output;
        var batch = Path.Combine(CliRunner.RepositoryRoot, "examples", "document-intake", "batch.json");

        var result = await cli.RunAsync("run", Example("document-intake"), "--input-file", batch, "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["output"]!["routes"]!.AsArray().Select(r => r!.GetValue<string>())
            .Should().Equal("doc-101:book", "doc-102:pay-today", "doc-103:legal", "doc-104:page", "doc-105:default");
        File.ReadAllText(Path.Combine(output, "finance-urgent.queue")).Should().StartWith("doc-102\t");
        File.ReadAllText(Path.Combine(output, "legal.queue")).Should().StartWith("doc-103\t");
        result.Json["steps"]!.AsArray().Should().Contain(s => s!["path"]!.GetValue<string>() == "intake[4]/route/archive");
    }

    [Fact]
    public async Task CustomStep_EmbedsTheEngineAndRunsAStepKindWrittenInCSharp()
    {
        using var cli = new CliRunner();
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var program = Path.Combine(CliRunner.RepositoryRoot, "examples", "custom-step", "bin", configuration, "net10.0", "custom-step.dll");
        var store = Path.Combine(cli.Directory, "custom.db");

        var known = await CliRunner.RunProcessAsync("dotnet", program, "dana@northwind.example", store);
        var unknown = await CliRunner.RunProcessAsync("dotnet", program, "nobody@example.com", store);

        known.ExitCode.Should().Be(0, known.ToString());
        known.Json["output"]!["account"]!.GetValue<string>().Should().Be("Northwind");
        known.Json["output"]!["priority"]!.GetValue<string>().Should().Be("high");
        unknown.Json["output"]!["owner"]!.GetValue<string>().Should().Be("sales-desk");
        unknown.Json["output"]!["known"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task SupportTriage_ConfidentTicket_IsDraftedByTheAgentReviewedAndSent()
    {
        using var cli = new CliRunner();
        cli.Environment["SUPPORT_OUT"] = Path.Combine(cli.Directory, "support");

        var waiting = await cli.RunAsync("run", Example("support-triage"), "--input-file", Ticket("login"), "--json");
        waiting.ExitCode.Should().Be(3, waiting.ToString());
        waiting.Step("confirm-category")["status"]!.GetValue<string>().Should().Be("skipped");
        var triage = waiting.Step("triage");
        triage["confidence"]!.GetValue<double>().Should().BeGreaterThan(0.9);
        triage["usage"]!["inputTokens"]!.GetValue<long>().Should().BeGreaterThan(0);
        waiting.Json["ai"]!["costUsd"]!.GetValue<decimal>().Should().BeGreaterThan(0);
        waiting.Json["notices"]!.AsArray().Select(n => n!.GetValue<string>()).Should().Equal(
            "model 'triage' is scripted/triage: it replays scripted/triage.yaml, no model is called. Use --model triage=provider/model for a real one.",
            "model 'writer' is scripted/writer: it replays scripted/writer.yaml, no model is called. Use --model writer=provider/model for a real one.");

        var sent = await cli.RunAsync("approve", waiting.Json["runId"]!.GetValue<string>(), "review", "--by", "sam", "--json");

        sent.ExitCode.Should().Be(0, sent.ToString());
        sent.Json["output"]!["category"]!.GetValue<string>().Should().Be("account");
        sent.Json["output"]!["toolCalls"]!.GetValue<int>().Should().Be(2);
        sent.Json["output"]!["reply"]!.GetValue<string>().Should().Contain("KB-107");
        Directory.GetFiles(Path.Combine(cli.Directory, "support", "outbox")).Should().ContainSingle();
    }

    [Fact]
    public async Task SupportTriage_UnsureTicket_GoesToAPersonWhoseCategoryIsUsed()
    {
        using var cli = new CliRunner();
        cli.Environment["SUPPORT_OUT"] = Path.Combine(cli.Directory, "support");

        var waiting = await cli.RunAsync("run", Example("support-triage"), "--input-file", Ticket("export"), "--json");
        waiting.ExitCode.Should().Be(3, waiting.ToString());
        var runId = waiting.Json["runId"]!.GetValue<string>();
        waiting.Step("confirm-category")["status"]!.GetValue<string>().Should().Be("waiting");

        var drafted = await cli.RunAsync("approve", runId, "confirm-category", "--by", "kim", "--data", """{"category":"bug"}""");
        drafted.ExitCode.Should().Be(3, drafted.ToString());
        var done = await cli.RunAsync("approve", runId, "review", "--by", "sam", "--json");

        done.ExitCode.Should().Be(0, done.ToString());
        done.Json["output"]!["category"]!.GetValue<string>().Should().Be("bug");
        done.Json["output"]!["categorizedBy"]!.GetValue<string>().Should().Be("user:kim");
    }

    [Fact]
    public async Task SupportTriage_ModelOverride_CallsARealOpenAICompatibleEndpoint()
    {
        await using var server = await Baton.Testing.Models.LoopbackOpenAIServer.StartAsync();
        server.Enqueue(new Baton.Testing.Models.ModelReply { Text = "bug", LogProbs = [new Baton.Testing.Models.ModelReplyLogProb("bug", -0.02)] });
        using var cli = new CliRunner();
        cli.Environment["SUPPORT_OUT"] = Path.Combine(cli.Directory, "support");
        cli.Environment["OPENAI_BASE_URL"] = server.BaseUrl.ToString();
        cli.Environment["OPENAI_API_KEY"] = "sk-test-override";

        var waiting = await cli.RunAsync("run", Example("support-triage"), "--input-file", Ticket("export"), "--model", "triage=openai/gpt-4o-mini", "--json");

        waiting.ExitCode.Should().Be(3, waiting.ToString());
        server.Requests.Should().ContainSingle().Which.Model.Should().Be("gpt-4o-mini");
        waiting.Json["notices"]!.AsArray().Should().ContainSingle().Which!.GetValue<string>().Should().StartWith("model 'writer' is scripted/writer", "triage now calls a real model");
        var triage = waiting.Step("triage");
        triage["provider"]!.GetValue<string>().Should().Be("openai");
        triage["confidence"]!.GetValue<double>().Should().BeGreaterThan(0.97);
    }

    [Fact]
    public async Task ModelOverride_ForAnUnknownAlias_Exits2()
    {
        using var cli = new CliRunner();
        var result = await cli.RunAsync("run", Example("support-triage"), "--input-file", Ticket("login"), "--model", "nope=openai/gpt-4o-mini");
        result.ExitCode.Should().Be(2, result.ToString());
        result.Stderr.Should().Contain("no model alias 'nope'").And.Contain("triage");
    }

    private static string Ticket(string name) => Path.Combine(CliRunner.RepositoryRoot, "examples", "support-triage", "tickets", $"{name}.json");

    [Fact]
    public async Task EveryExample_ValidatesAsTheReadmeChecksThem()
    {
        using var cli = new CliRunner();
        // The README's './baton validate examples/*/*.yaml': the workflows, and each folder's baton.yaml as a project config.
        var files = Directory.GetDirectories(Path.Combine(CliRunner.RepositoryRoot, "examples"))
            .SelectMany(d => Directory.GetFiles(d, "*.yaml"))
            .Order(StringComparer.Ordinal)
            .ToArray();

        var result = await cli.RunAsync(["validate", .. files]);

        files.Select(Path.GetFileName).Should().Contain("baton.yaml").And.HaveCountGreaterThanOrEqualTo(6);
        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Contain(": project config").And.Contain("workflow 'crash-recovery'");
    }
}
