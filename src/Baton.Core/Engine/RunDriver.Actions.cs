using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Baton.Definitions;
using Baton.Expressions;
using Baton.Steps;
using Baton.Storage;
using Microsoft.Extensions.Logging;

namespace Baton.Engine;

/// <summary>Attempts of action steps (<c>http</c>, <c>run</c>, custom kinds): start, launch, outcome, retry.</summary>
internal sealed partial class RunDriver
{
    /// <summary>Records a new attempt as started. It is launched once that record is committed.</summary>
    private void StartAttempt(StepExecutionRecord exec)
    {
        exec.Attempts++;
        exec.StartedAt ??= Now;
        SetStatus(exec, StepStatus.Running);
        Emit(TimelineEventTypes.StepStarted, exec, attempt: exec.Attempts);
        _toLaunch.Add(exec.Seq);
    }

    /// <summary>After a crash, an attempt that was running is run again, with the same idempotency key.</summary>
    private void RecoverInterruptedAttempts()
    {
        var interrupted = _state.Execs
            .Where(e => e.Status == StepStatus.Running && _state.StepOf(e) is ActionStep && !_inFlight.ContainsKey(e.Seq))
            .OrderBy(e => e.Seq)
            .ToList();
        if (interrupted.Count == 0)
        {
            return;
        }

        Emit(TimelineEventTypes.RunRecovered, null, $"Resumed after an interruption; {interrupted.Count} step attempt(s) will run again.");
        foreach (var exec in interrupted)
        {
            exec.State ??= [];
            var interruptions = (exec.State["interruptions"]?.GetValue<int>() ?? 0) + 1;
            exec.State["interruptions"] = interruptions;
            Emit(TimelineEventTypes.StepInterrupted, exec, $"Attempt {exec.Attempts} was interrupted before it finished.", attempt: exec.Attempts);
            if (interruptions > _svc.Options.MaxInterruptions)
            {
                FailStep(exec, new ErrorInfo(ErrorCodes.Interrupted,
                    $"The step was interrupted {interruptions} times in a row, more than the limit of {_svc.Options.MaxInterruptions}; it may be crashing its worker.")
                { Retryable = false });
                continue;
            }

            StartAttempt(exec);
        }
    }

    /// <summary>Launches every attempt whose start has been committed.</summary>
    private void Launch()
    {
        if (_toLaunch.Count == 0)
        {
            return;
        }

        _launching.Clear();
        _launching.AddRange(_toLaunch);
        _toLaunch.Clear();
        foreach (var seq in _launching)
        {
            var exec = _state[seq];
            if (exec.Status != StepStatus.Running || _inFlight.ContainsKey(seq))
            {
                continue;
            }

            LaunchAttempt(exec, (ActionStep)_state.StepOf(exec), alone: _launching.Count == 1);
        }
    }

    private void LaunchAttempt(StepExecutionRecord exec, ActionStep step, bool alone)
    {
        if (_driveToken.IsCancellationRequested)
        {
            // Its start is durable; the next worker recovers it as interrupted.
            return;
        }

        if (!_svc.Executors.TryGet(step.ActionKind, out var executor))
        {
            FailAttempt(exec, new ErrorInfo(ErrorCodes.UnknownKind, $"No executor is registered for step kind '{step.ActionKind}' in this worker. Register it with AddStep, or run the workflow where it is registered.") { Retryable = false });
            return;
        }

        if (MissingSecrets(StepTemplates.SecretReferences(step)) is { } missing)
        {
            FailAttempt(exec, missing);
            return;
        }

        JsonNode? config;
        try
        {
            if (step.Config.IsConstant)
            {
                config = ConstantConfigs.GetValue(step, static s => new StrongBox<JsonNode?>(Normalize(((ActionStep)s).Config.Render(NoContext.Instance)))).Value?.DeepClone();
            }
            else
            {
                using var scope = ScopeFor(exec, step);
                config = Normalize(step.Config.Render(scope));
            }
        }
        catch (ExpressionException ex)
        {
            FailAttempt(exec, ExpressionError(step.ActionKind, ex));
            return;
        }

        var journal = _state.JournalOf(exec, EpochOf(exec))
            .ToDictionary(e => e.Key, e => new JournalEntry(e.Value.Output?.DeepClone(), e.Value.Error), StringComparer.Ordinal);
        var context = new EngineStepContext(_svc, Definition, RunId, Definition.Name, exec.StepId, exec.Path, exec.Attempts, config, Run.WorkingDirectory)
        {
            Journal = new JournalChannel(exec.Seq, exec.Attempts, journal, _results.Writer),
        };
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_driveToken);
        var seq = exec.Seq;
        var timeout = step.Timeout;

        // Several attempts start on the thread pool, so that their synchronous parts (rendering, building a request) run
        // on every core rather than one after another on the driver's thread. One alone starts inline: the hop to
        // another thread and back would cost a sequential run more than its whole commit.
        var task = alone
            ? RunAttemptAsync(executor, context, seq, timeout, cancellation.Token)
            : Task.Run(() => RunAttemptAsync(executor, context, seq, timeout, cancellation.Token), CancellationToken.None);
        _inFlight[exec.Seq] = new InFlight(cancellation, exec.Attempts, task);
    }

    /// <summary>Runs one attempt and reports its outcome. Never throws: every failure becomes an outcome.</summary>
    private async Task RunAttemptAsync(IStepExecutor executor, EngineStepContext context, long seq, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var activity = EngineTelemetry.Source.StartActivity($"step {context.StepId}");
        activity?.SetTag("baton.run.id", context.RunId.Value);
        activity?.SetTag("baton.step.path", context.Path);
        activity?.SetTag("baton.step.kind", executor.Kind);
        activity?.SetTag("baton.step.attempt", context.Attempt);
        var started = _svc.TimeProvider.GetTimestamp();
        using var timeoutSource = timeout is { } limit ? new CancellationTokenSource(limit, _svc.TimeProvider) : null;
        using var linked = timeoutSource is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        var token = linked?.Token ?? cancellationToken;
        StepOutcome outcome;
        try
        {
            // Checked in the attempt, not at launch: validating a rendered configuration costs as much as the driver's
            // whole transition, so it runs in parallel with the other attempts that start with it.
            outcome = _svc.ConfigSchemas.Check(executor, context.Config) is { } invalid
                ? StepOutcome.Failed(invalid)
                : await executor.ExecuteAsync(context, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeoutSource?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            outcome = StepOutcome.Failed(ErrorCodes.Timeout, $"The attempt did not finish within the step's timeout of {Duration.Format(timeout!.Value)}.");
        }
        catch (OperationCanceledException) when (_driveToken.IsCancellationRequested)
        {
            // The drive is being abandoned: the attempt stays recorded as running and is recovered as interrupted.
            _results.Writer.TryWrite(new AttemptResult(seq, context.Attempt, StepOutcome.Failed(ErrorCodes.Cancelled, "The worker stopped."), Abandoned: true));
            return;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            outcome = StepOutcome.Failed(ErrorCodes.Cancelled, "The attempt was cancelled.", retryable: false);
        }
        catch (StepFailedException ex)
        {
            outcome = StepOutcome.Failed(ex.ToErrorInfo());
        }
        catch (Exception ex)
        {
            _svc.Logger.LogWarning("Step {Path} of run {RunId} threw {ExceptionType}.", context.Path, context.RunId, ex.GetType().Name);
            outcome = StepOutcome.Failed(ErrorCodes.Exception, $"The {executor.Kind} step threw {ex.GetType().Name}: {ex.Message}");
        }

        if (EngineTelemetry.StepDuration.Enabled)
        {
            EngineTelemetry.StepDuration.Record(_svc.TimeProvider.GetElapsedTime(started).TotalMilliseconds, new KeyValuePair<string, object?>("baton.step.kind", executor.Kind));
        }

        activity?.SetTag("baton.step.outcome", outcome.IsSuccess ? "completed" : outcome.Error!.Code);
        if (!outcome.IsSuccess)
        {
            activity?.SetStatus(ActivityStatusCode.Error, outcome.Error!.Code);
        }

        _results.Writer.TryWrite(new AttemptResult(seq, context.Attempt, outcome));
    }

    private bool DrainResults()
    {
        var progress = false;
        while (_results.Reader.TryRead(out var result))
        {
            if (result.Seq == AttemptResult.Poke.Seq)
            {
                _fetchSignals = true;
                continue;
            }

            if (result.Journal is { } write)
            {
                RecordJournalEntry(write);
                progress = true;
                continue;
            }

            if (!_inFlight.Remove(result.Seq, out var flight))
            {
                continue;
            }

            flight.Cancellation.Dispose();
            if (result.Abandoned || _driveToken.IsCancellationRequested)
            {
                continue;
            }

            progress = true;
            var exec = _state[result.Seq];
            if (exec.Status != StepStatus.Running || exec.Attempts != result.Attempt || Run.IsTerminal)
            {
                continue;
            }

            if (result.Outcome.IsSuccess)
            {
                Complete(exec, result.Outcome.Output);
            }
            else
            {
                FailAttempt(exec, result.Outcome.Error!);
            }
        }

        return progress;
    }

    /// <summary>An attempt failed: retry it when the policy allows, otherwise fail the step.</summary>
    private void FailAttempt(StepExecutionRecord exec, ErrorInfo error)
    {
        error = Mask(error);
        var policy = _state.StepOf(exec).Retry;
        if (policy is not null && exec.Attempts < policy.Attempts && policy.Matches(error.Code, error.Retryable))
        {
            var delay = policy.GetDelay(exec.Attempts + 1, Random.Shared.NextDouble());
            exec.Error = error;

            // A retry starts a fresh journal: replaying the calls that led to the failure would only repeat it.
            exec.State ??= [];
            exec.State["epoch"] = EpochOf(exec) + 1;
            SetStatus(exec, StepStatus.Ready, Now + delay);
            Emit(TimelineEventTypes.StepRetryScheduled, exec,
                $"Attempt {exec.Attempts} failed ({error.Code}: {error.Message}); attempt {exec.Attempts + 1} in {FormatDuration(delay)}.",
                attempt: exec.Attempts,
                data: new JsonObject { ["code"] = error.Code, ["delayMs"] = delay.TotalMilliseconds });
            return;
        }

        FailStep(exec, error);
    }

    /// <summary>
    /// Gives the executor plain parsed JSON, as if the configuration had been read from text: a number an expression
    /// computed then reads with <c>GetValue&lt;int&gt;()</c> like any other.
    /// </summary>
    private static JsonNode? Normalize(JsonNode? config)
        => config is null || IsPlainString(config) ? config : JsonNode.Parse(config.ToJsonString());

    private static bool IsPlainString(JsonNode node) => node is JsonValue value && value.GetValueKind() is System.Text.Json.JsonValueKind.String;

    /// <summary>Normalized constant configurations, per step definition: rendering them again would give the same tree.</summary>
    private static readonly ConditionalWeakTable<StepDefinition, StrongBox<JsonNode?>> ConstantConfigs = new();

    /// <summary>The context a constant configuration renders in: it reads nothing.</summary>
    private sealed class NoContext : IExpressionContext
    {
        public static readonly NoContext Instance = new();

        public TimeProvider TimeProvider => TimeProvider.System;

        public bool TryGetRoot(string name, out JsonNode? value)
        {
            value = null;
            return false;
        }
    }

    /// <summary>A message to the driver's loop: an attempt's outcome, a journal write, or a poke.</summary>
    internal readonly record struct AttemptResult(long Seq, int Attempt, StepOutcome Outcome, bool Abandoned = false, JournalWrite? Journal = null)
    {
        /// <summary>Not an attempt: someone delivered a signal and asks the driver to look.</summary>
        public static readonly AttemptResult Poke = new(-1, 0, StepOutcome.Completed(null));
    }
}
