using System.Text.Json.Nodes;
using Baton.Steps;
using Baton.Storage;

namespace Baton.Store.Conformance;

/// <summary>Builds runs, steps, events, signals and commits for store tests. Times are whole milliseconds, as every store keeps them.</summary>
public static class StoreTestData
{
    private static int _counter;

    /// <summary>A new run id that sorts after every earlier one in this process.</summary>
    public static RunId NewRunId() => new($"run-{Interlocked.Increment(ref _counter):D8}-{Guid.NewGuid():N}");

    /// <summary>A waiting run, free of leases and not ready: the state of a run parked on an outside event.</summary>
    public static RunRecord WaitingRun(DateTimeOffset now, string workflow = "orders", RunId? id = null) => new()
    {
        Id = id ?? NewRunId(),
        WorkflowName = workflow,
        DefinitionHash = "sha256-" + workflow,
        Status = RunStatus.Waiting,
        Inputs = new JsonObject { ["order"] = 42 },
        CreatedAt = now,
        UpdatedAt = now,
        WorkingDirectory = "/srv/flows",
    };

    /// <summary>A running run ready at <paramref name="readyAt"/> and not leased.</summary>
    public static RunRecord ReadyRun(DateTimeOffset now, DateTimeOffset readyAt, string workflow = "orders")
    {
        var run = WaitingRun(now, workflow);
        run.Status = RunStatus.Running;
        run.ReadyAt = readyAt;
        return run;
    }

    /// <summary>A run with every field set to something other than its default.</summary>
    public static RunRecord FullRun(DateTimeOffset now) => new()
    {
        Id = NewRunId(),
        WorkflowName = "campaign-report",
        DefinitionHash = "sha256-abc",
        Status = RunStatus.Failed,
        Inputs = new JsonObject { ["client"] = "Zoë", ["amount"] = JsonNode.Parse("1.50"), ["tags"] = new JsonArray("a", "b") },
        Vars = new JsonObject { ["count"] = 3, ["nested"] = new JsonObject { ["ok"] = true, ["none"] = null } },
        Env = new JsonObject { ["API"] = "http://localhost:8080" },
        Output = new JsonArray(1, "two", null),
        Error = new ErrorInfo("http.status.503", "The service answered 503.") { Retryable = false, Details = new JsonObject { ["status"] = 503 } },
        CreatedAt = now.AddMinutes(-10),
        UpdatedAt = now.AddMilliseconds(-1),
        CompletedAt = now,
        ReadyAt = now.AddSeconds(30),
        ParentRunId = new RunId("parent-run"),
        ParentStepSeq = 7,
        NextStepSeq = 12,
        NextEventSeq = 33,
        SignalWatermark = 5,
        Compensating = true,
        LeaseOwner = "worker:host/123",
        LeaseExpiresAt = now.AddMinutes(1),
        WorkingDirectory = "/srv/flows/reports",
    };

    public static StepExecutionRecord Step(RunId runId, long seq, DateTimeOffset now, StepStatus status = StepStatus.Completed) => new()
    {
        RunId = runId,
        Seq = seq,
        StepId = $"step-{seq}",
        Kind = "http",
        Path = $"step-{seq}",
        Status = status,
        Attempts = 1,
        CreatedAt = now,
        StartedAt = now,
        EndedAt = status == StepStatus.Completed ? now : null,
        Output = new JsonObject { ["status"] = 200, ["seq"] = seq },
    };

    /// <summary>A step execution with every field set to something other than its default.</summary>
    public static StepExecutionRecord FullStep(RunId runId, long seq, DateTimeOffset now) => new()
    {
        RunId = runId,
        Seq = seq,
        StepId = "review",
        Kind = "approval",
        Path = "gather.items[2].review#3",
        ParentSeq = 1,
        Ordinal = 2,
        Iteration = 3,
        Status = StepStatus.Waiting,
        Attempts = 4,
        CreatedAt = now.AddSeconds(-5),
        StartedAt = now.AddSeconds(-4),
        EndedAt = now.AddSeconds(-1),
        ReadyAt = now.AddHours(24),
        Output = JsonValue.Create("draft"),
        Error = new ErrorInfo("timeout", "The step took longer than 30s."),
        State = new JsonObject { ["assignees"] = new JsonArray("role:strategist") },
        Actor = "user:ana",
    };

    public static TimelineEvent Event(RunId runId, long seq, DateTimeOffset at, string type = TimelineEventTypes.StepCompleted) => new()
    {
        RunId = runId,
        Seq = seq,
        At = at,
        Type = type,
        StepSeq = 1,
        Path = "step-1",
        Attempt = 1,
        Actor = "engine",
        Message = "Step step-1 completed.",
        Data = new JsonObject { ["seq"] = seq },
    };

    public static SignalRecord Signal(RunId runId, DateTimeOffset now, string name = "invoice.paid", SignalKind kind = SignalKind.Event) => new()
    {
        RunId = runId,
        Kind = kind,
        Name = name,
        Target = "wait-payment",
        Data = new JsonObject { ["amount"] = 10 },
        Actor = "user:ana",
        CreatedAt = now,
    };

    public static RunCommit Insert(RunRecord run, params StepExecutionRecord[] steps) => new() { Run = run, IsNew = true, Steps = steps };

    /// <summary>An update of <paramref name="run"/> by the worker that holds it.</summary>
    public static RunCommit Update(RunRecord run, string? expectedOwner) => new() { Run = run, ExpectedLeaseOwner = expectedOwner };

    /// <summary>A JSON string of about <paramref name="bytes"/> UTF-8 bytes, with text that does not repeat.</summary>
    public static JsonObject LargeJson(int bytes, string seed = "")
    {
        var items = new JsonArray();
        for (var i = 0; items.Count * 40 < bytes; i++)
        {
            items.Add($"{seed}item {i:D8} é ✓ \"quoted\" \\ {i * 7919 % 104729}");
        }

        return new JsonObject { ["items"] = items, ["number"] = JsonNode.Parse("12345678901234567890.5") };
    }
}
