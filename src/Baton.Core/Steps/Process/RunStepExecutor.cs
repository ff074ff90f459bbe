using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Baton.Steps;

/// <summary>The built-in <c>run</c> step kind: runs one process per attempt, without a shell.</summary>
/// <remarks>
/// <para>A <c>command</c> holding a '/' is a path, resolved against the workflow file's directory; any other command
/// is looked up on <c>PATH</c> (the step's <c>env</c> may set it), never in the current directory.</para>
/// <para>The process inherits Baton's environment minus every <c>BATON_SECRET_*</c> variable, plus the step's
/// <c>env</c> (a null value unsets), plus <c>BATON_RUN_ID</c>, <c>BATON_STEP_PATH</c> and <c>BATON_IDEMPOTENCY_KEY</c>.
/// stdin is written and closed (closed at once when the step gives none). A <c>stdin</c> that is not a string is sent as JSON.</para>
/// <para>stdout and stderr are read at the same time, each kept up to <c>max-output-bytes</c> and drained beyond it
/// so that the process never blocks; <c>stdoutTruncated</c>/<c>stderrTruncated</c> appear in the output only when true,
/// and <c>json</c> is null when stdout was truncated. On cancellation the whole process tree is killed before
/// <see cref="OperationCanceledException"/> propagates. Nothing is logged: arguments, output and environment can hold secrets.</para>
/// </remarks>
public sealed class RunStepExecutor : IStepExecutor
{
    /// <inheritdoc/>
    public string Kind => "run";

    /// <inheritdoc/>
    public async ValueTask<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        try
        {
            var config = RunStepConfig.Parse(context.Config);
            cancellationToken.ThrowIfCancellationRequested();
            var startInfo = CreateStartInfo(config, context);
            var result = await ProcessRunner.RunAsync(
                startInfo, config.Command, config.Stdin, config.MaxOutputBytes, context.TimeProvider, cancellationToken).ConfigureAwait(false);
            return ToOutcome(config.Command, result, context);
        }
        catch (StepFailedException ex)
        {
            return StepOutcome.Failed(ex.Code, context.Mask(ex.Message), ex.Retryable, ex.Details);
        }
    }

    private static ProcessStartInfo CreateStartInfo(RunStepConfig config, StepContext context)
    {
        var baseDirectory = Path.GetFullPath(context.WorkingDirectory);
        var workingDirectory = Path.GetFullPath(config.WorkingDir ?? ".", baseDirectory);
        if (!Directory.Exists(workingDirectory))
        {
            throw StartError($"The working directory '{config.WorkingDir}' (resolved to '{workingDirectory}') does not exist.");
        }

        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        ChildEnvironment.Apply(startInfo.Environment, config.Env, context);

        startInfo.Environment.TryGetValue("PATH", out var searchPath);
        var resolved = CommandResolver.Resolve(config.Command, baseDirectory, searchPath)
            ?? throw StartError($"The command '{config.Command}' was not found on PATH.");
        if (!File.Exists(resolved))
        {
            throw StartError($"The command '{config.Command}' (resolved to '{resolved}') does not exist.");
        }

        startInfo.FileName = resolved;
        foreach (var arg in config.Args)
        {
            startInfo.ArgumentList.Add(arg);
        }

        return startInfo;
    }

    private static string LastLine(string text) => text.TrimEnd().Split('\n')[^1].Trim();

    private static StepOutcome ToOutcome(string command, ProcessResult result, StepContext context)
    {
        if (result.ExitCode != 0)
        {
            var tail = context.Mask(result.Stderr.Tail);
            var stdoutTail = context.Mask(result.Stdout.Tail);
            var lastLine = LastLine(tail);
            var code = result.ExitCode.ToString(CultureInfo.InvariantCulture);
            var message = lastLine.Length > 0 ? $"The command '{command}' exited with code {code}: {lastLine}"
                : LastLine(stdoutTail) is { Length: > 0 } lastOut ? $"The command '{command}' exited with code {code}, with nothing on stderr; stdout ended with: {lastOut}"
                : $"The command '{command}' exited with code {code} and wrote nothing to stderr.";
            return StepOutcome.Failed(
                ErrorCodes.RunExitCode,
                context.Mask(message),
                retryable: true,
                // Many tools report their failures on stdout, so its tail travels with the error too.
                new JsonObject { ["exitCode"] = result.ExitCode, ["stderr"] = tail, ["stdout"] = stdoutTail });
        }

        var stdout = result.Stdout.Text;
        var output = new JsonObject
        {
            ["exitCode"] = result.ExitCode,
            ["stdout"] = stdout,
            ["stderr"] = result.Stderr.Text,
            ["json"] = !result.Stdout.Truncated && JsonText.TryParse(stdout, out var json) ? json : null,
        };
        if (result.Stdout.Truncated)
        {
            output["stdoutTruncated"] = true;
        }

        if (result.Stderr.Truncated)
        {
            output["stderrTruncated"] = true;
        }

        return StepOutcome.Completed(output);
    }

    private static StepFailedException StartError(string message) => new(ErrorCodes.RunStart, message, retryable: false);
}
