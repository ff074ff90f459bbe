namespace Baton.Definitions.Compiler.Language;

internal static partial class LanguageSpec
{
    private static readonly Shape StatusOrClass = Shape.OneOf(Shape.Integer(100, 599), Shape.Matching(Patterns.StatusClass));

    public static readonly ObjectSpec Http = new("an http step", "Sends an HTTP request. Output: { status, headers, body }.", [
        new("method", Shape.OneOf(Shape.Choice([.. HttpMethods]), Shape.Matching(Patterns.HasExpression)), "GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS. Default GET."),
        new("url", Shape.Template, "Must render to an absolute http or https URL.", Required: true),
        new("headers", Shape.MapOf(Shape.Scalar, Patterns.HeaderName), "Request headers: name to template."),
        new("query", Shape.MapOf(Shape.Scalar), "Query parameters, URL-encoded and appended."),
        new("body", Shape.Any, "A string is sent as text; any other value as JSON."),
        new("expect", Shape.OneOf(StatusOrClass, Shape.ListOf(StatusOrClass, 1), Shape.Matching(Patterns.HasExpression)), "The statuses that count as success: integers or classes such as \"2xx\". Default \"2xx\"."),
        new("max-response-bytes", Shape.IntegerOrTemplate(1), "The largest response body accepted. Default 10 MiB."),
    ]);

    public static readonly ObjectSpec Run = new("a run step", "Runs a process. Output: { exitCode, stdout, stderr, json }.", [
        new("command", Shape.Template, "A path (./x, ../x, /x) or a program name looked up on PATH. Never run through a shell.", Required: true),
        new("args", Shape.ListOf(Shape.Scalar), "Arguments, passed as they are."),
        new("env", Shape.MapOf(Shape.Scalar, Patterns.EnvName), "Extra environment variables."),
        new("working-dir", Shape.Template, "The directory to run in. Default: the workflow file's directory."),
        new("stdin", Shape.Template, "Text written to the process's standard input."),
        new("max-output-bytes", Shape.IntegerOrTemplate(1), "The cap on captured stdout and on captured stderr. Default 1 MiB."),
    ]);

    public static readonly ObjectSpec SwitchCase = new("a switch case", "A case: a condition, and either goto or steps.", [
        new("name", Shape.Text, "The case's name, used in the step's output."),
        new("when", Shape.Condition, "The condition: a bare expression or a template.", Required: true),
        new("goto", Shape.Matching(Patterns.StepId), "A step in the switch's own sequence to jump to."),
        new("steps", StepList, "Steps to run when the case is taken."),
    ]);

    public static readonly ObjectSpec SwitchDefault = new("a switch default", "Taken when no case matches: either goto or steps.", [
        new("name", Shape.Text, "The case's name, used in the step's output."),
        new("goto", Shape.Matching(Patterns.StepId), "A step in the switch's own sequence to jump to."),
        new("steps", StepList, "Steps to run when no case matches."),
    ]);

    public static readonly ObjectSpec Switch = new("a switch step", "Picks the first case whose when is true. Output: { case, output }.", [
        new("cases", Shape.ListOf(Shape.Object(SwitchCase), 1), "The cases, tried in order.", Required: true),
        new("default", Shape.Object(SwitchDefault), "Taken when no case matches."),
    ]);

    public static readonly ObjectSpec Parallel = new("a parallel step", "Runs branches at once.", [
        new("mode", Shape.Choice("all", "any"), "all: every branch must complete; any: the first branch to complete wins. Default all."),
        new("branches", StepList, "The branches; each is one step (use a steps group for several).", Required: true),
    ]);

    public static readonly ObjectSpec ForEach = new("a foreach step", "Runs steps once per item. Output: the list of each item's output.", [
        new("items", Shape.Template, "An expression that evaluates to a list, such as ${{ inputs.documents }}.", Required: true),
        new("concurrency", Shape.Integer(1, ForEachStep.MaxConcurrency), "How many items run at once. Default 1, at most 256."),
        new("steps", StepList, "The body, run for each item; item and index name the current item.", Required: true),
    ]);

    public static readonly ObjectSpec Wait = new("a wait step", "Waits durably for a duration, a time, or events. Output: { event, data, timedOut, firedAt }.", [
        new("for", Shape.Template, "Wait this long: a duration such as 30s, or a template."),
        new("until", Shape.Template, "Wait until this ISO-8601 instant, or a template."),
        new("event", Shape.Matching(Patterns.EventName), "Wait for this event."),
        new("events", Shape.ListOf(Shape.Matching(Patterns.EventName), 1), "Wait for any of these events."),
        new("timeout", Shape.Template, "With events: give up after this long, with timedOut: true."),
    ]);

    public static readonly ObjectSpec Approval = new("an approval step", "Waits for a person to approve or reject. Output: { decision, by, comment, data, decidedAt }.", [
        new("title", Shape.Template, "What the reviewer is asked."),
        new("instructions", Shape.Template, "Instructions shown with the request."),
        new("data", Shape.Any, "The data under review."),
        new("assignees", Shape.ListOf(Shape.Matching(Patterns.Assignee)), "Who may decide: role:NAME or user:NAME."),
        new("editable", Shape.ListOf(Shape.Text), "The fields of data the reviewer may change; empty allows any."),
    ]);

    public static readonly ObjectSpec WorkflowCall = new("a workflow step", "Runs a child workflow. Output: the child's output.", [
        new("path", Shape.Text, "The child workflow's file, relative to this file.", Required: true),
        new("inputs", Shape.Any, "The child's inputs (templates allowed)."),
    ]);

    public static readonly ObjectSpec Fail = new("a fail step", "Fails with a message.", [
        new("message", Shape.Template, "The error message.", Required: true),
        new("code", Shape.Matching(Patterns.ErrorCode), "The error code. Default fail."),
    ]);

    public static readonly IReadOnlyList<KindSpec> Kinds = [
        new("http", Shape.Object(Http), "Sends an HTTP request.", true, true),
        new("run", Shape.Object(Run), "Runs a process.", true, true),
        new("set", Shape.MapOf(Shape.Any, Patterns.VariableName, 1), "Computes values into vars.", true, true),
        new("switch", Shape.Object(Switch), "Picks a case; jumps or runs the case's steps.", false, false),
        new("parallel", Shape.OneOf(StepList, Shape.Object(Parallel)), "Runs branches at once: a list of branches, or { mode, branches }.", false, false),
        new("foreach", Shape.Object(ForEach), "Runs steps once per item.", false, false),
        new("steps", StepList, "Runs nested steps in order (a group).", false, false),
        new("wait", Shape.OneOf(Shape.Template, Shape.Object(Wait)), "Waits for a duration (wait: 30s), a time, or events.", true, false),
        new("approval", Shape.Object(Approval), "Waits for a person to approve or reject.", true, false),
        new("workflow", Shape.Object(WorkflowCall), "Runs a child workflow.", false, false),
        new("fail", Shape.OneOf(Shape.Template, Shape.Object(Fail)), "Fails with a message: fail: \"text\" or { message, code }.", true, true),
    ];

    private static readonly Dictionary<string, KindSpec> KindsByName = Kinds.ToDictionary(k => k.Name, StringComparer.Ordinal);

    public static KindSpec? FindKind(string name) => KindsByName.GetValueOrDefault(name);

    /// <summary>The kinds that hold steps: they take no <c>retry</c>, which would run again the steps inside that completed.</summary>
    public static bool IsContainer(string kind) => kind is "switch" or "parallel" or "foreach" or "steps";
}
