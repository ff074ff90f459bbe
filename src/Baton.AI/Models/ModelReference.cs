namespace Baton.AI.Models;

/// <summary>A model named as <c>provider/model</c>, such as <c>openai/gpt-4o-mini</c> or <c>ollama/llama3.1</c>.</summary>
/// <remarks>The model part may itself contain '/' (<c>openai/org/model</c>): only the first '/' separates the provider.</remarks>
public readonly record struct ModelReference(string Provider, string Model)
{
    /// <summary>Parses <c>provider/model</c>; false for anything else (an alias, an empty part).</summary>
    public static bool TryParse(string? text, out ModelReference reference)
    {
        reference = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1)
        {
            return false;
        }

        reference = new ModelReference(text[..slash].Trim().ToLowerInvariant(), text[(slash + 1)..].Trim());
        return reference.Model.Length > 0;
    }

    public override string ToString() => $"{Provider}/{Model}";
}
