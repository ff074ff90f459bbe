using System.Text.Json.Nodes;

namespace Baton.Engine;

/// <summary>A person's decision on an approval step.</summary>
/// <param name="Approved">True to approve, false to reject.</param>
/// <param name="By">Who decided; recorded as <c>user:NAME</c> in the timeline.</param>
/// <param name="Comment">An optional comment, kept with the decision.</param>
/// <param name="Data">Edited fields, merged over the data presented: a field sent replaces the field of that name, a field left out keeps its value. With <c>editable</c> set, only those fields may change. Null keeps the data as presented.</param>
public sealed record ApprovalDecision(bool Approved, string By, string? Comment = null, JsonNode? Data = null);
