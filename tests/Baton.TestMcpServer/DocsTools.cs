using System.ComponentModel;
using ModelContextProtocol;
using ModelContextProtocol.Server;

namespace Baton.TestMcpServer;

/// <summary>A read-only knowledge base of three documents.</summary>
[McpServerToolType]
public sealed class DocsTools
{
    private static readonly Doc[] Docs =
    [
        new("kb-1", "Resetting a password", "Open Settings, choose Security, then Reset password."),
        new("kb-2", "Refund policy", "Orders up to 50 EUR are refunded without review."),
        new("kb-3", "Changing the account e-mail", "Support changes the e-mail after a password check."),
    ];

    [McpServerTool(Name = "search_docs", ReadOnly = true)]
    [Description("Searches the knowledge base; returns the id and title of each matching document.")]
    public static IReadOnlyList<DocSummary> SearchDocs([Description("Words to look for in titles and texts.")] string query)
        => Docs.Where(d => d.Title.Contains(query, StringComparison.OrdinalIgnoreCase) || d.Text.Contains(query, StringComparison.OrdinalIgnoreCase))
            .Select(d => new DocSummary(d.Id, d.Title))
            .ToList();

    [McpServerTool(Name = "fetch_doc", ReadOnly = true)]
    [Description("Returns the full text of one document.")]
    public static string FetchDoc([Description("The document's id, as search_docs returns it.")] string id)
        => Docs.FirstOrDefault(d => d.Id == id)?.Text ?? throw new McpException($"There is no document '{id}'.");

    [McpServerTool(Name = "doc_stats", ReadOnly = true, UseStructuredContent = true)]
    [Description("Counts the documents in the knowledge base.")]
    public static DocStats Stats() => new(Docs.Length, [.. Docs.Select(d => d.Id)]);

    [McpServerTool(Name = "fail_always")]
    [Description("Always fails, as a tool whose backend is down would.")]
    public static string FailAlways() => throw new McpException("The knowledge base is offline.");

    [McpServerTool(Name = "delete_everything", Destructive = true)]
    [Description("Deletes every document. Never offered to an agent by the tests.")]
    public static string DeleteEverything()
    {
        // Leaves a trace that the tests look for, to prove that nothing called it.
        if (Environment.GetEnvironmentVariable("TEST_MCP_DELETE_MARKER") is { Length: > 0 } marker)
        {
            File.WriteAllText(marker, "delete_everything was called");
        }

        return "Everything was deleted.";
    }

    private sealed record Doc(string Id, string Title, string Text);
}
