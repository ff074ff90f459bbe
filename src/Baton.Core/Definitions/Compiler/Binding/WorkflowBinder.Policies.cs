using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

internal sealed partial class WorkflowBinder
{
    private RetryPolicy? BindRetry(SyntaxNode node)
    {
        if (Mapping(node, "retry", "a mapping such as { attempts: 3, delay: 1s }") is not { } map)
        {
            return null;
        }

        CheckKeys(map, LanguageSpec.Retry);
        var policy = new RetryPolicy();
        if (map["attempts"] is { } attempts && RetryInteger(attempts) is { } count)
        {
            policy = policy with { Attempts = count };
        }

        if (map["backoff"] is { } backoff && Text(backoff, "backoff") is { } kind)
        {
            BackoffKind? parsed = kind switch { "fixed" => BackoffKind.Fixed, "exponential" => BackoffKind.Exponential, _ => null };
            if (parsed is null)
            {
                _diagnostics.Error(DiagnosticCodes.InvalidRetry, backoff.Location, $"'backoff' must be 'fixed' or 'exponential', not '{kind}'.");
            }

            policy = policy with { Backoff = parsed ?? BackoffKind.Exponential };
        }

        if (map["delay"] is { } delay && DurationValue(delay, "delay", allowZero: true) is { } delayValue)
        {
            policy = policy with { Delay = delayValue };
        }

        if (map["max-delay"] is { } maxDelay && DurationValue(maxDelay, "max-delay", allowZero: true) is { } maxValue)
        {
            if (maxValue < policy.Delay)
            {
                _diagnostics.Error(
                    DiagnosticCodes.InvalidRetry,
                    maxDelay.Location,
                    $"'max-delay' ({Duration.Format(maxValue)}) must not be shorter than 'delay' ({Duration.Format(policy.Delay)}).");
            }

            policy = policy with { MaxDelay = maxValue };
        }

        if (map["jitter"] is { } jitter)
        {
            policy = policy with { Jitter = BindJitter(jitter) };
        }

        if (map["on"] is { } on)
        {
            policy = policy with { On = BindRetryCodes(on) };
        }

        return policy;
    }

    private int? RetryInteger(SyntaxNode node)
    {
        if (node is not ScalarNode { Kind: ScalarKind.Integer } scalar || CoreSchema.ToInt64(scalar.Value) is not { } value)
        {
            WrongType(node, "attempts", "an integer");
            return null;
        }

        if (value < 1 || value > int.MaxValue)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidRetry, node.Location, $"'attempts' counts every attempt, the first included, so it must be at least 1, not {scalar.Value}.");
            return null;
        }

        return (int)value;
    }

    private double BindJitter(SyntaxNode node)
    {
        if (node is not ScalarNode { Kind: ScalarKind.Integer or ScalarKind.Float } scalar || scalar.ToJson()?.GetValue<double>() is not { } value)
        {
            WrongType(node, "jitter", "a number from 0 to 1");
            return 0;
        }

        if (value is < 0 or > 1)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidRetry, node.Location, $"'jitter' is the randomized fraction of each delay, so it must be from 0 to 1, not {scalar.Value}.");
            return 0;
        }

        return value;
    }

    private List<string>? BindRetryCodes(SyntaxNode node)
    {
        if (List(node, "on", "a list of error codes") is not { } list)
        {
            return null;
        }

        if (list.Items.Count == 0)
        {
            _diagnostics.Error(DiagnosticCodes.EmptyCollection, list.Location, "'on' needs at least one error code; remove it to retry every retryable error.");
        }

        var codes = new List<string>();
        foreach (var item in list.Items)
        {
            if (Text(item, "on") is not { } code)
            {
                continue;
            }

            if (!Regexes.ErrorCodePattern().IsMatch(code))
            {
                _diagnostics.Error(DiagnosticCodes.InvalidRetry, item.Location, $"'{code}' is not an error code or pattern, such as 'timeout' or 'http.status.5*'.");
            }

            codes.Add(code);
        }

        return codes;
    }

    private OnErrorPolicy BindOnError(SyntaxNode node, StepHandle handle)
    {
        const string Forms = "'fail', 'continue', { continue: VALUE } or { goto: ID }";
        if (node is ScalarNode { IsString: true } scalar)
        {
            switch (scalar.Value)
            {
                case "fail":
                    return OnErrorPolicy.Fail;
                case "continue":
                    return new OnErrorPolicy { Action = OnErrorAction.Continue };
                default:
                    _diagnostics.Error(DiagnosticCodes.NotAllowedValue, node.Location, $"'on-error' must be {Forms}, not '{scalar.Value}'.{Suggestions.Hint(scalar.Value, ["fail", "continue"])}");
                    return OnErrorPolicy.Fail;
            }
        }

        if (node is not MappingNode map)
        {
            WrongType(node, "on-error", Forms);
            return OnErrorPolicy.Fail;
        }

        foreach (var entry in map.Entries.Where(e => e.Name is not ("continue" or "goto")))
        {
            UnknownKey(entry, "an on-error mapping", ["continue", "goto"]);
        }

        var cont = map.Find("continue");
        var jump = map.Find("goto");
        if (cont is null && jump is null)
        {
            _diagnostics.Error(DiagnosticCodes.MissingKey, map.Location, "An 'on-error' mapping needs 'continue' or 'goto'.");
            return OnErrorPolicy.Fail;
        }

        if (cont is not null && jump is not null)
        {
            _diagnostics.Error(DiagnosticCodes.NotAllowedValue, jump.Key.Location, "'on-error' takes one of 'continue' and 'goto', not both.");
        }

        if (jump is not null)
        {
            if (StringScalar(jump.Value, "goto", "a step id") is { } target)
            {
                _gotos.Add(new GotoSite(target.Value, target, handle));
            }

            return new OnErrorPolicy { Action = OnErrorAction.Goto, Target = (jump.Value as ScalarNode)?.Value };
        }

        var output = cont?.Value is { } value and not ScalarNode { IsNull: true } ? BuildValue(value, handle, SiteKind.OnErrorContinue) : null;
        return new OnErrorPolicy { Action = OnErrorAction.Continue, Output = output };
    }
}
