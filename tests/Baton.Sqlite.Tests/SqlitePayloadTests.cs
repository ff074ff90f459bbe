using System.Text.Json.Nodes;
using Baton.Sqlite.Tests.TestSupport;
using Baton.Storage;
using Baton.Store.Conformance;
using Baton.Testing;

namespace Baton.Sqlite.Tests;

public sealed class SqlitePayloadTests : IDisposable
{
    // The store writes JSON as Baton does: non-ASCII text left as it is, so 'é' takes two UTF-8 bytes.
    private static readonly System.Text.Json.JsonSerializerOptions BatonNodeOptions = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly TempDirectory _directory = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task CommitAsync_ValuesAboveTheInlineLimit_AreStoredOnceAndReferencedByHash()
    {
        var path = _directory.File("baton.db");
        await using var store = await StoreFactory.OpenAsync(path, _time);
        var large = StoreTestData.LargeJson(20_000, "shared");
        var runs = Enumerable.Range(0, 3).Select(_ => StoreTestData.WaitingRun(_time.GetUtcNow())).ToList();
        foreach (var run in runs)
        {
            run.Vars = (JsonObject)large.DeepClone();
            await store.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);
        }

        using var raw = RawDatabase.Open(path);
        raw.Scalar("SELECT count(*) FROM payloads").Should().Be(1L);
        raw.Scalar("SELECT count(*) FROM runs WHERE typeof(vars) = 'blob' AND length(vars) = 32").Should().Be(3L);
        raw.Scalar("SELECT count(*) FROM runs WHERE typeof(inputs) = 'text'").Should().Be(3L);
        (await store.GetRunAsync(runs[2].Id, CancellationToken.None))!.Vars.ToJsonString().Should().Be(large.ToJsonString());
    }

    [Fact]
    public async Task CommitAsync_ValueExactlyAtTheInlineLimit_StaysInline()
    {
        var path = _directory.File("baton.db");
        await using var store = await StoreFactory.OpenAsync(path, _time, o => o.InlinePayloadLimit = 100);
        var run = StoreTestData.WaitingRun(_time.GetUtcNow());
        run.Vars = new JsonObject { ["s"] = "é" + new string('x', 100 - 10) };
        run.Env = new JsonObject { ["s"] = "é" + new string('x', 100 - 9) };
        run.Vars.ToJsonString(BatonNodeOptions).Length.Should().Be(99, "one two-byte character makes it 100 bytes");

        await store.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);

        using var raw = RawDatabase.Open(path);
        raw.Scalar("SELECT typeof(vars) || ' ' || typeof(env) FROM runs").Should().Be("text blob");
        (await store.GetRunAsync(run.Id, CancellationToken.None)).ShouldMatch(run);
    }

    [Fact]
    public async Task CommitAsync_InlineLimitZero_StoresEveryValueAsAPayloadAndReadsItBack()
    {
        var path = _directory.File("baton.db");
        await using var store = await StoreFactory.OpenAsync(path, _time, o => o.InlinePayloadLimit = 0);
        var run = StoreTestData.FullRun(_time.GetUtcNow());
        var step = StoreTestData.FullStep(run.Id, 1, _time.GetUtcNow());

        await store.CommitAsync(StoreTestData.Insert(run, step), CancellationToken.None);

        using var raw = RawDatabase.Open(path);
        raw.Scalar("SELECT count(*) FROM runs WHERE typeof(inputs) = 'text' OR typeof(output) = 'text' OR typeof(error) = 'text'").Should().Be(0L);
        (await store.GetRunAsync(run.Id, CancellationToken.None)).ShouldMatch(run);
        (await store.GetStepExecutionsAsync(run.Id, CancellationToken.None)).ShouldMatch(new[] { step });
    }

    [Fact]
    public async Task GetRunAsync_PayloadRowMissing_ThrowsCorruptNamingTheFile()
    {
        var path = _directory.File("baton.db");
        await using var store = await StoreFactory.OpenAsync(path, _time);
        var run = StoreTestData.WaitingRun(_time.GetUtcNow());
        run.Vars = StoreTestData.LargeJson(20_000);
        await store.CommitAsync(StoreTestData.Insert(run), CancellationToken.None);
        using (var raw = RawDatabase.Open(path))
        {
            raw.Execute("DELETE FROM payloads");
        }

        var act = async () => await store.GetRunAsync(run.Id, CancellationToken.None);

        var thrown = await act.Should().ThrowAsync<StoreException>();
        thrown.Which.Kind.Should().Be(StoreErrorKind.Corrupt);
        thrown.Which.Message.Should().Contain(path).And.Contain("vars");
    }
}
