using System.Text.Json.Nodes;
using Baton.Sqlite.Tests.TestSupport;
using Baton.Storage;
using Baton.Store.Conformance;
using Baton.Testing;

namespace Baton.Sqlite.Tests;

public sealed class SqliteLoggingTests : IDisposable
{
    private const string Secret = "s3cr3t-payload-value";

    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Operations_ThatLog_UseStableEventIdsAndNeverLogPayloads()
    {
        var logger = new ListLogger<SqliteWorkflowStore>();
        var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = _directory.File("baton.db") }, _time, logger);
        await store.InitializeAsync(CancellationToken.None);
        var now = _time.GetUtcNow();
        var ended = StoreTestData.WaitingRun(now);
        ended.Status = RunStatus.Completed;
        ended.Inputs = new JsonObject { ["token"] = Secret };
        await store.CommitAsync(StoreTestData.Insert(ended), CancellationToken.None);
        var run = StoreTestData.WaitingRun(now);
        run.LeaseOwner = "w1";
        run.LeaseExpiresAt = now.AddMinutes(1);
        run.Vars = new JsonObject { ["token"] = Secret };
        await store.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);
        var signal = StoreTestData.Signal(ended.Id, now) with { Data = new JsonObject { ["token"] = Secret } };
        await store.CommitAsync(new RunCommit { Run = run, ExpectedLeaseOwner = "w1", OutgoingSignals = [signal] }, CancellationToken.None);
        var stale = async () => await store.CommitAsync(StoreTestData.Update(run, "w-stale"), CancellationToken.None);
        await stale.Should().ThrowAsync<LeaseLostException>();

        await store.DisposeAsync();

        var entries = logger.Entries.ToList();
        entries.Select(e => e.EventId.Id).Should().Contain([1, 2, 4, 5, 6]);
        entries.Should().OnlyContain(e => !e.Message.Contains(Secret, StringComparison.Ordinal));
        entries.Single(e => e.EventId.Id == 4).Message.Should().Contain(run.Id.Value).And.Contain("w-stale");
        entries.Single(e => e.EventId.Id == 5).Message.Should().Contain(ended.Id.Value);
    }
}
