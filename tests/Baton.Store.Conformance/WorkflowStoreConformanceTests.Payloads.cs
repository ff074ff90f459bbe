using System.Text.Json.Nodes;
using Baton.Steps;
using Baton.Storage;

namespace Baton.Store.Conformance;

public abstract partial class WorkflowStoreConformanceTests
{
    private const int Mebibyte = 1024 * 1024;

    [Fact]
    public async Task CommitAsync_OneMebibyteValuesEverywhere_RoundTripExactly()
    {
        var run = StoreTestData.FullRun(Now);
        run.Inputs = StoreTestData.LargeJson(Mebibyte, "inputs");
        run.Vars = StoreTestData.LargeJson(Mebibyte, "vars");
        run.Output = StoreTestData.LargeJson(Mebibyte, "output");
        run.Error = new ErrorInfo("big", "A big error.") { Details = StoreTestData.LargeJson(Mebibyte, "error") };
        run.LeaseOwner = null;
        run.LeaseExpiresAt = null;
        run.Status = RunStatus.Waiting;
        var step = StoreTestData.FullStep(run.Id, 1, Now);
        step.Output = StoreTestData.LargeJson(Mebibyte, "step");
        step.State = StoreTestData.LargeJson(Mebibyte, "state");
        var e = StoreTestData.Event(run.Id, 1, Now) with { Data = StoreTestData.LargeJson(Mebibyte, "event") };
        await Store.CommitAsync(new RunCommit { Run = run, IsNew = true, Steps = [step], Events = [e] }, CancellationToken.None);
        var signal = StoreTestData.Signal(run.Id, Now) with { Data = StoreTestData.LargeJson(Mebibyte, "signal") };

        var delivered = await Store.DeliverSignalAsync(signal, CancellationToken.None);

        var snapshot = await Store.LoadRunAsync(run.Id, CancellationToken.None);
        run.ReadyAt = Now;
        snapshot.ShouldMatch(new RunSnapshot(run, [step], [signal with { Id = delivered.Id }]));
        (await Store.GetTimelineAsync(run.Id, CancellationToken.None)).ShouldMatch(new[] { e });
        snapshot!.Run.Inputs.ToJsonString().Length.Should().BeGreaterThan(Mebibyte);
    }

    [Fact]
    public async Task CommitAsync_OneLargeValueInManyRows_RoundTripsInEachRow()
    {
        var shared = StoreTestData.LargeJson(64 * 1024, "shared");
        var runs = Enumerable.Range(0, 5).Select(_ => StoreTestData.WaitingRun(Now)).ToList();
        foreach (var run in runs)
        {
            run.Vars = (JsonObject)shared.DeepClone();
            await InsertAsync(run);
        }

        foreach (var run in runs)
        {
            (await StoredAsync(run.Id)).Vars.ToJsonString().Should().Be(shared.ToJsonString());
        }
    }

    [Fact]
    public async Task CommitAsync_UnusualJson_RoundTripsExactly()
    {
        JsonNode deep = new JsonObject { ["leaf"] = "bottom" };
        for (var i = 0; i < 40; i++)
        {
            deep = new JsonObject { [$"level{i}"] = deep };
        }

        var run = StoreTestData.WaitingRun(Now);
        run.Inputs = new JsonObject
        {
            ["empty"] = new JsonObject(),
            ["emptyArray"] = new JsonArray(),
            ["text"] = "quote \" backslash \\ tab \t newline \n nul \u0000 emoji 🎉 rtl שלום",
            ["numbers"] = JsonNode.Parse("[0, -0, 1.0, 1e3, -2.5E-7, 9007199254740993, 1.7976931348623157E308]"),
            ["deep"] = deep,
            ["nulls"] = new JsonArray(null, null),
        };
        run.Output = JsonValue.Create("just a string");

        await InsertAsync(run);

        var stored = await StoredAsync(run.Id);
        stored.Inputs.ToJsonString().Should().Be(run.Inputs.ToJsonString());
        stored.Output!.GetValue<string>().Should().Be("just a string");
    }

    [Fact]
    public async Task CommitAsync_TimesWithOffsets_RoundTripAsTheSameInstants()
    {
        var offset = TimeSpan.FromHours(-5);
        var run = StoreTestData.FullRun(new DateTimeOffset(2026, 7, 4, 23, 59, 59, 999, offset));
        var step = StoreTestData.FullStep(run.Id, 1, new DateTimeOffset(1999, 12, 31, 23, 59, 59, 1, TimeSpan.FromHours(14)));
        var e = StoreTestData.Event(run.Id, 1, new DateTimeOffset(2100, 1, 1, 0, 0, 0, 5, TimeSpan.FromMinutes(330)));

        await Store.CommitAsync(new RunCommit { Run = run, IsNew = true, Steps = [step], Events = [e] }, CancellationToken.None);

        var stored = await StoredAsync(run.Id);
        stored.CreatedAt.Should().Be(run.CreatedAt);
        stored.CreatedAt.UtcDateTime.Should().Be(run.CreatedAt.UtcDateTime);
        stored.ShouldMatch(run);
        (await Store.GetStepExecutionsAsync(run.Id, CancellationToken.None)).ShouldMatch(new[] { step });
        (await Store.GetTimelineAsync(run.Id, CancellationToken.None)).ShouldMatch(new[] { e });
    }
}
