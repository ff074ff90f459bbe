namespace Baton.Sqlite.Tests;

public sealed class SqliteStoreOptionsTests
{
    [Fact]
    public void Constructor_Defaults_AreTheDocumentedOnes()
    {
        var options = new SqliteStoreOptions();

        options.Path.Should().BeEmpty();
        options.BusyTimeout.Should().Be(TimeSpan.FromSeconds(5));
        options.MaxBatchSize.Should().Be(256);
        options.InlinePayloadLimit.Should().Be(8192);
    }

    [Theory]
    [InlineData("", "SqliteStoreOptions.Path")]
    [InlineData("   ", "SqliteStoreOptions.Path")]
    [InlineData(":memory:", "SqliteStoreOptions.Path")]
    [InlineData("file:baton.db?mode=memory", "SqliteStoreOptions.Path")]
    public void Constructor_BadPath_ThrowsNamingTheOption(string path, string option)
    {
        var act = () => new SqliteWorkflowStore(new SqliteStoreOptions { Path = path });

        act.Should().Throw<ArgumentException>().WithMessage($"*{option}*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_NonPositiveBusyTimeout_ThrowsNamingTheOption(int milliseconds)
    {
        var act = () => new SqliteWorkflowStore(new SqliteStoreOptions { Path = "baton.db", BusyTimeout = TimeSpan.FromMilliseconds(milliseconds) });

        act.Should().Throw<ArgumentException>().WithMessage("*SqliteStoreOptions.BusyTimeout*");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(SqliteStoreOptions.MaxMaxBatchSize + 1)]
    public void Constructor_MaxBatchSizeOutOfRange_ThrowsNamingTheOption(int size)
    {
        var act = () => new SqliteWorkflowStore(new SqliteStoreOptions { Path = "baton.db", MaxBatchSize = size });

        act.Should().Throw<ArgumentException>().WithMessage("*SqliteStoreOptions.MaxBatchSize*");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(SqliteStoreOptions.MaxInlinePayloadLimit + 1)]
    public void Constructor_InlinePayloadLimitOutOfRange_ThrowsNamingTheOption(int limit)
    {
        var act = () => new SqliteWorkflowStore(new SqliteStoreOptions { Path = "baton.db", InlinePayloadLimit = limit });

        act.Should().Throw<ArgumentException>().WithMessage("*SqliteStoreOptions.InlinePayloadLimit*");
    }

    [Fact]
    public void Constructor_RelativePath_ResolvesAgainstTheCurrentDirectory()
    {
        var store = new SqliteWorkflowStore(new SqliteStoreOptions { Path = "data/baton.db" });

        store.Path.Should().Be(Path.GetFullPath("data/baton.db"));
    }
}
