namespace Baton.AI.Scripted;

/// <summary>A parsed responses file of the <c>scripted</c> provider.</summary>
/// <param name="Path">The file's path as the definition names it, for messages.</param>
/// <param name="Responses">The responses in file order.</param>
internal sealed record Script(string Path, IReadOnlyList<ScriptedResponse> Responses);
