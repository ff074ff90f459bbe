namespace Baton.TestMcpServer;

/// <summary>One search hit.</summary>
public sealed record DocSummary(string Id, string Title);
