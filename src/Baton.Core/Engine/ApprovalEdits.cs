using System.Text.Json.Nodes;

namespace Baton.Engine;

/// <summary>
/// Applies a reviewer's edit to the data under review. The edit is merged over the data: a field it holds replaces the
/// field of the same name, a field it leaves out keeps its value. With <c>editable</c> set, a field outside the list may
/// be sent only unchanged.
/// </summary>
internal static class ApprovalEdits
{
    /// <summary>The data the decision completes the approval with; null with a <paramref name="refusal"/> when the edit is not allowed.</summary>
    /// <param name="request">The approval's request: its <c>data</c> and <c>editable</c>.</param>
    /// <param name="edit">The edited data; null keeps the data as presented.</param>
    /// <param name="path">The approval's path, for messages.</param>
    /// <param name="refusal">Why the edit is refused, naming the fields; null when it is allowed.</param>
    public static JsonNode? Apply(JsonObject? request, JsonNode? edit, string path, out string? refusal)
    {
        refusal = null;
        var original = request?["data"];
        if (edit is null)
        {
            return original?.DeepClone();
        }

        var allowed = (request?["editable"] as JsonArray ?? []).Select(e => e?.GetValue<string>()).OfType<string>().ToList();
        if (original is not JsonObject current)
        {
            if (allowed.Count == 0)
            {
                // Data that is not a mapping has no fields to merge: with no editable list, the edit replaces it.
                return edit.DeepClone();
            }

            refusal = $"Approval '{path}' lets reviewers edit {Quote(allowed)}, but the data under review is not a mapping, so it has no fields to edit.";
            return null;
        }

        if (edit is not JsonObject changes)
        {
            refusal = $"The edited data for approval '{path}' must be a JSON object of the fields to change{(allowed.Count > 0 ? $" (among {Quote(allowed)})" : "")}, not {JsonKinds.Describe(edit)}; the fields it leaves out keep their values.";
            return null;
        }

        if (allowed.Count > 0)
        {
            var forbidden = changes
                .Where(p => !allowed.Contains(p.Key, StringComparer.Ordinal) && !(current.TryGetPropertyValue(p.Key, out var kept) && JsonNode.DeepEquals(p.Value, kept)))
                .Select(p => p.Key)
                .ToList();
            if (forbidden.Count > 0)
            {
                refusal = $"Approval '{path}' lets reviewers edit only {Quote(allowed)}, but the edited data changes {Quote(forbidden)}. Send only the fields to change: the others keep their values.";
                return null;
            }
        }

        var merged = (JsonObject)current.DeepClone();
        foreach (var (key, value) in changes)
        {
            merged[key] = value?.DeepClone();
        }

        return merged;
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
