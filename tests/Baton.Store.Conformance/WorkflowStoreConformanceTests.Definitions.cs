using Baton.Storage;

namespace Baton.Store.Conformance;

public abstract partial class WorkflowStoreConformanceTests
{
    [Fact]
    public async Task SaveDefinitionAsync_NewHash_RoundTrips()
    {
        var definition = new DefinitionRecord("sha256-1", "orders", "3", """{"name":"orders","steps":[]}""", T0.AddMilliseconds(123));

        await Store.SaveDefinitionAsync(definition, CancellationToken.None);

        (await Store.GetDefinitionAsync("sha256-1", CancellationToken.None)).Should().Be(definition);
    }

    [Fact]
    public async Task SaveDefinitionAsync_HashAlreadyStored_KeepsTheFirst()
    {
        var first = new DefinitionRecord("sha256-1", "orders", null, """{"v":1}""", T0);
        await Store.SaveDefinitionAsync(first, CancellationToken.None);

        await Store.SaveDefinitionAsync(first with { Name = "other", Bundle = """{"v":2}""" }, CancellationToken.None);

        (await Store.GetDefinitionAsync("sha256-1", CancellationToken.None)).Should().Be(first);
    }

    [Fact]
    public async Task GetDefinitionAsync_UnknownHash_ReturnsNull()
    {
        (await Store.GetDefinitionAsync("sha256-missing", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task CommitAsync_WithDefinitions_StoresThoseNotStoredYet()
    {
        var stored = new DefinitionRecord("sha256-old", "orders", "1", """{"v":1}""", T0);
        await Store.SaveDefinitionAsync(stored, CancellationToken.None);
        var added = new DefinitionRecord("sha256-new", "child", "2", """{"v":2}""", T0.AddSeconds(1));
        var commit = new RunCommit
        {
            Run = StoreTestData.WaitingRun(Now),
            IsNew = true,
            Definitions = [added, stored with { Bundle = """{"v":"changed"}""" }],
        };

        await Store.CommitAsync(commit, CancellationToken.None);

        (await Store.GetDefinitionAsync("sha256-new", CancellationToken.None)).Should().Be(added);
        (await Store.GetDefinitionAsync("sha256-old", CancellationToken.None)).Should().Be(stored);
    }
}
