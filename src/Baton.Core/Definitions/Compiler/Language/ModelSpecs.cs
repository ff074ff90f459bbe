namespace Baton.Definitions.Compiler.Language;

/// <summary>
/// The keys of model aliases and of the project config file (<c>baton.yaml</c>). A class of its own, not a part of
/// <see cref="LanguageSpec"/>: the workflow's table refers to <see cref="Models"/>, and static fields are only certain to
/// be initialized in order across classes, not across the files of one partial class.
/// </summary>
internal static class ModelSpecs
{
    /// <summary>The name of the project config file, looked up in the workflow file's directory and then in each parent.</summary>
    public const string ProjectFileName = "baton.yaml";

    /// <summary>The provider whose model replays a script instead of calling a model.</summary>
    public const string ScriptedProvider = "scripted";

    public static readonly ObjectSpec Model = new("a model alias", "A model with its default settings.", [
        new("model", Shape.Matching(Patterns.ModelReference), "The model as provider/model, such as openai/gpt-4o-mini.", Required: true),
        new("temperature", new NumberShape(0, 2), "The default sampling temperature, from 0 to 2; a step's own value wins."),
        new("max-tokens", Shape.Integer(1, int.MaxValue), "The default cap on output tokens; a step's own value wins."),
        new("script", Shape.Text, "For the scripted provider, which requires it: the file of responses to replay, relative to this file."),
    ]);

    public static readonly Shape Models = Shape.MapOf(
        Shape.OneOf(Shape.Matching(Patterns.ModelReference), Shape.Object(Model)),
        Patterns.ModelAlias);

    public static readonly ObjectSpec Provider = new("a provider", "How Baton reaches one model provider.", [
        new("base-url", Shape.Matching(Patterns.HttpUrl), "The endpoint: an absolute http or https URL. Default: the provider's environment variable, else its official endpoint."),
        new("api-key-env", Shape.Matching(Patterns.EnvName), "The environment variable (or secret) that holds the API key: its name, never the key itself."),
        new("max-concurrency", Shape.Integer(1, 1000), "Calls in flight at once to this provider, from 1 to 1000. Default 8."),
        new("timeout", Shape.Duration, "The limit on one call. Default 60s."),
        new("max-retries", Shape.Integer(0, 10), "Retries of a call on 408, 429, 5xx and connection errors, from 0 to 10. Default 4."),
    ]);

    public static readonly ObjectSpec Price = new("a price", "What a model costs, in US dollars per million tokens.", [
        new("input", new NumberShape(0), "US dollars per million input tokens.", Required: true),
        new("output", new NumberShape(0), "US dollars per million output tokens.", Required: true),
    ]);

    public static readonly ObjectSpec Project = new("the project config", "The project config file, baton.yaml: model aliases, providers and prices (see docs/ai.md).", [
        new("models", Models, "Model aliases: alias to provider/model, or to { model, temperature, max-tokens, script }. A workflow's own models win."),
        new("providers", Shape.MapOf(Shape.Object(Provider), Patterns.ProviderName), "Settings per provider name: base-url, api-key-env, max-concurrency, timeout, max-retries."),
        new("prices", Shape.MapOf(Shape.Object(Price), Patterns.ModelReference), "Prices per provider/model, in US dollars per million tokens: { input, output }."),
    ]);
}
