namespace Baton.Definitions.Compiler.Language;

/// <summary>
/// The keys of every mapping in the workflow language. The binder rejects keys that are not listed here and the
/// JSON Schema is generated from the same tables, so that the two cannot drift apart.
/// </summary>
internal static partial class LanguageSpec
{
    public const string StepDefinition = "step";

    public static readonly IReadOnlyList<string> HttpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];

    public static readonly ObjectSpec Retry = new("a retry policy", "How a failed attempt is retried.", [
        new("attempts", Shape.Integer(1), "Total attempts, the first included. Default 1."),
        new("backoff", Shape.Choice("fixed", "exponential"), "How the delay grows between attempts. Default exponential."),
        new("delay", Shape.Duration, "The delay before the first retry. Default 1s."),
        new("max-delay", Shape.Duration, "The cap on any one delay. Default none."),
        new("jitter", new NumberShape(0, 1), "0 to 1: that fraction of each delay is randomized. Default 0."),
        new("on", Shape.ListOf(Shape.Matching(Patterns.ErrorCodePattern)), "The error codes to retry; a trailing * matches a prefix. Default: every retryable error."),
    ]);

    public static readonly ObjectSpec Defaults = new("the defaults", "Retry and timeout applied to every step that does not set its own.", [
        new("retry", Shape.Object(Retry), "The retry policy of steps that set none."),
        new("timeout", Shape.Duration, "The timeout of steps that set none (not applied to wait and approval steps)."),
    ]);

    public static readonly ObjectSpec OnErrorContinue = new("an on-error mapping", "Continue with the given output.", [
        new("continue", Shape.Any, "The output the failed step takes (templates allowed).", Required: true),
    ]);

    public static readonly ObjectSpec OnErrorGoto = new("an on-error mapping", "Jump to a step in the same sequence.", [
        new("goto", Shape.Matching(Patterns.StepId), "The step to jump to, in the same sequence.", Required: true),
    ]);

    public static readonly Shape OnError = Shape.OneOf(
        Shape.Choice("fail", "continue"),
        Shape.Object(OnErrorContinue),
        Shape.Object(OnErrorGoto));

    public static readonly Shape StepList = Shape.ListOf(Shape.Ref(StepDefinition), 1);

    public static readonly ObjectSpec StepCommon = new("a step", "A step: an id, exactly one kind key, and any of the common fields.", [
        new("id", Shape.Matching(Patterns.StepId), "Letters, digits, - and _, starting with a letter or _. Unique in the whole workflow.", Required: true),
        new("name", Shape.Text, "A display name."),
        new("if", Shape.Condition, "When false, the step is skipped. A bare expression or a template."),
        new("retry", Shape.Object(Retry), "How a failed attempt is retried."),
        new("timeout", Shape.Duration, "The limit on one attempt; on wait and approval steps, the limit on the whole wait."),
        new("on-error", OnError, "fail (default), continue, { continue: VALUE } or { goto: ID }."),
        new("compensate", StepList, "Steps that undo this one when the run fails after it completed."),
        new("max-iterations", Shape.Integer(1), "How many times goto may bring the flow back to this step. Default 100."),
    ]);

    public static readonly ObjectSpec Workflow = new("a workflow", "A Baton workflow.", [
        new("name", Shape.Matching(Patterns.WorkflowName), "The workflow's name: letters, digits, -, _ and ., starting with a letter.", Required: true),
        new("version", Shape.OneOf(Shape.Text, new NumberShape()), "A label for people. Runs are pinned by content hash, not by this label."),
        new("description", Shape.Text, "What the workflow does."),
        new("inputs", Shape.MapOf(Shape.Any), "The JSON Schema a run's inputs must match (type: object at the root)."),
        new(
            "env",
            Shape.OneOf(Shape.ListOf(Shape.Matching(Patterns.EnvName)), Shape.MapOf(Shape.Scalar, Patterns.EnvName)),
            "The environment variables expressions may read as env.NAME: a list of required names, or a mapping of name to default (nothing: required)."),
        new("secrets", Shape.ListOf(Shape.Matching(Patterns.EnvName)), "The secrets expressions may read as secrets.NAME."),
        new("defaults", Shape.Object(Defaults), "retry and timeout applied to every step that does not set its own."),
        new("models", ModelSpecs.Models, "Model aliases for AI steps: alias to provider/model, or to { model, temperature, max-tokens, script }. They win over the project config's (see docs/ai.md)."),
        new("steps", StepList, "The steps, run in order. At least one.", Required: true),
        new("outputs", Shape.Any, "The run's output, rendered when the run completes."),
    ]);
}
