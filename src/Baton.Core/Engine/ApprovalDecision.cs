using System.Text.Json.Nodes;

namespace Baton.Engine;

/// <summary>A person's decision on an approval step.</summary>
/// <param name="Approved">True to approve, false to reject.</param>
/// <param name="By">Who decided; recorded as <c>user:NAME</c> in the timeline.</param>
/// <param name="Comment">An optional comment, kept with the decision.</param>
/// <param name="Data">Edited data that replaces the data presented; null keeps it.</param>
public sealed record ApprovalDecision(bool Approved, string By, string? Comment = null, JsonNode? Data = null);
