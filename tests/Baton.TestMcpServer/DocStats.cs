namespace Baton.TestMcpServer;

/// <summary>The structured result of <c>doc_stats</c>.</summary>
public sealed record DocStats(int Count, IReadOnlyList<string> Ids);
