namespace Baton.Steps;

/// <summary>The error codes the engine and the built-in step kinds use. Documented in <c>docs/errors.md</c>.</summary>
public static class ErrorCodes
{
    /// <summary>An attempt ran past the step's <c>timeout</c>.</summary>
    public const string Timeout = "timeout";

    /// <summary>An expression failed to evaluate. Not retryable.</summary>
    public const string Expression = "expression";

    /// <summary>A step's configuration was invalid after rendering. Not retryable.</summary>
    public const string InvalidConfig = "config.invalid";

    /// <summary>An executor threw an exception that was not a <see cref="StepFailedException"/>.</summary>
    public const string Exception = "step.exception";

    /// <summary>No executor is registered for the step's kind. Not retryable.</summary>
    public const string UnknownKind = "step.unknown-kind";

    /// <summary>A person rejected an approval. Not retryable.</summary>
    public const string ApprovalRejected = "approval.rejected";

    /// <summary>The step was cancelled. Not retryable.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>A step ran more than its <c>max-iterations</c>. Not retryable.</summary>
    public const string MaxIterations = "max-iterations";

    /// <summary>A child workflow run failed or was cancelled. Not retryable.</summary>
    public const string ChildFailed = "workflow.failed";

    /// <summary>A child workflow could not start: its inputs do not match its schema, or an environment variable or secret it needs is missing. Not retryable.</summary>
    public const string ChildInputs = "workflow.inputs";

    /// <summary>A step was interrupted by crashes more times in a row than the engine allows. Not retryable.</summary>
    public const string Interrupted = "step.interrupted";

    /// <summary>A secret the step reads has no value in the process driving the run (it had one when the run started). Not retryable.</summary>
    public const string SecretMissing = "secret.missing";

    /// <summary>The HTTP response had a status the step did not expect; the full code is <c>http.status.NNN</c>.</summary>
    public const string HttpStatusPrefix = "http.status.";

    /// <summary>The HTTP request could not be sent or its response not read.</summary>
    public const string HttpConnection = "http.connection";

    /// <summary>The HTTP response body was larger than the step allows. Not retryable.</summary>
    public const string HttpResponseTooLarge = "http.response-too-large";

    /// <summary>The process exited with a non-zero code.</summary>
    public const string RunExitCode = "run.exit-code";

    /// <summary>The process could not be started. Not retryable.</summary>
    public const string RunStart = "run.start";
}
