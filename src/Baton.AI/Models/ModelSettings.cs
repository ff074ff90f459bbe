namespace Baton.AI.Models;

/// <summary>
/// Everything needed to call one model, resolved from the workflow's <c>models:</c>, the project config
/// (<c>baton.yaml</c>: <c>models</c>, <c>providers</c>, <c>prices</c>), overrides and the environment.
/// </summary>
/// <remarks>Holds no secret: the API key is named by <see cref="ApiKeyVariable"/> and read when a client is made.</remarks>
public sealed record ModelSettings
{
    public required ModelReference Model { get; init; }

    /// <summary>The alias the step used, when it used one.</summary>
    public string? Alias { get; init; }

    /// <summary>The provider's endpoint; null for the provider's default.</summary>
    public Uri? BaseUrl { get; init; }

    /// <summary>The environment variable (or secret name) holding the API key; null when the provider needs none.</summary>
    public string? ApiKeyVariable { get; init; }

    /// <summary>The default temperature; a step's own value wins.</summary>
    public double? Temperature { get; init; }

    /// <summary>The default cap on output tokens; a step's own value wins.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>The limit on one call. Default 60 seconds.</summary>
    public TimeSpan CallTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Calls in flight at once to this provider. Default 8.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>Retries of a call on 408, 429, 5xx and connection errors. Default 4.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The price used for <c>costUsd</c>; null when the config has none.</summary>
    public ModelPrice? Price { get; init; }

    /// <summary>For the <c>scripted</c> provider: the responses file's path as written (for messages).</summary>
    public string? ScriptPath { get; init; }

    /// <summary>For the <c>scripted</c> provider: the responses file's text, from the definition's bundle (so a run is pinned to it).</summary>
    public string? ScriptText { get; init; }
}
