using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Yaml;
using Baton.Expressions;

namespace Baton.Definitions.Compiler.Binding;

internal sealed partial class WorkflowBinder
{
    private StepSequence BindSequence(SyntaxNode? node, string key, SequenceRole role, int ordinal)
    {
        var steps = new List<StepDefinition>();
        if (node is not null && List(node, key, "a list of steps") is { } list)
        {
            if (list.Items.Count == 0)
            {
                _diagnostics.Error(DiagnosticCodes.EmptyCollection, list.Location, $"'{key}' needs at least one step.");
            }

            steps.AddRange(list.Items.Select(BindStep).OfType<StepDefinition>());
        }

        return new StepSequence(steps, role, ordinal);
    }

    private StepDefinition? BindStep(SyntaxNode node)
    {
        if (node is not MappingNode map)
        {
            _diagnostics.Error(
                DiagnosticCodes.WrongType,
                node.Location,
                $"A step must be a mapping with an 'id' and a kind key such as 'http' or 'run', not {node.Describe()}.");
            return null;
        }

        var kind = FindKind(map);
        if (map.Find("id") is null)
        {
            _diagnostics.Error(DiagnosticCodes.MissingKey, map.Location, "A step needs 'id'.");
        }

        var handle = new StepHandle();
        var idNode = map["id"];
        var fields = BindCommon(map, idNode, handle, kind?.Name);
        var step = kind is null ? StepFactory.Action(fields, string.Empty, ValueTemplate.Constant(null, map.Location)) : BindKind(kind, fields, handle);
        handle.Step = step;
        step.AdoptSequences();
        if (idNode is ScalarNode { IsString: true } idScalar && fields.Id.Length > 0)
        {
            _stepIds.Add(new StepIdSite(step, idScalar));
        }

        return step;
    }

    private bool IsKind(string key)
        => !LanguageSpec.StepCommon.Contains(key) && (LanguageSpec.FindKind(key) is not null || _options.CustomKinds.ContainsKey(key));

    private IEnumerable<string> KindNames
        => LanguageSpec.Kinds.Select(k => k.Name).Concat(_options.CustomKinds.Keys.Where(IsKind).Order(StringComparer.Ordinal)).Distinct();

    /// <summary>Finds the kind key, reporting a missing, unknown or extra one, and every other unknown key.</summary>
    private MappingEntry? FindKind(MappingNode map)
    {
        var kinds = map.Entries.Where(e => IsKind(e.Name)).ToList();
        var unknown = map.Entries.Where(e => !IsKind(e.Name) && !LanguageSpec.StepCommon.Contains(e.Name)).ToList();
        var common = LanguageSpec.StepCommon.Keys.Select(k => k.Name).ToList();
        var guess = kinds.Count > 0
            ? null
            : unknown.FirstOrDefault(e => Suggestions.Closest(e.Name, KindNames) is not null)
                ?? unknown.FirstOrDefault(e => Suggestions.Closest(e.Name, common) is null);
        if (guess is not null)
        {
            _diagnostics.Error(
                DiagnosticCodes.UnknownKind,
                guess.Key.Location,
                $"'{guess.Name}' is not a step kind.{Suggestions.Hint(guess.Name, KindNames)} The kinds are {string.Join(", ", KindNames)}.");
            unknown.Remove(guess);
        }
        else if (kinds.Count == 0)
        {
            _diagnostics.Error(DiagnosticCodes.NoKind, map.Location, $"A step needs a kind key: one of {string.Join(", ", KindNames)}.");
        }

        foreach (var extra in kinds.Skip(1))
        {
            _diagnostics.Error(
                DiagnosticCodes.SeveralKinds,
                extra.Key.Location,
                $"A step has exactly one kind key, but this one has '{kinds[0].Name}' (line {kinds[0].Key.Location.Line}) and '{extra.Name}'. Split it into two steps.");
        }

        foreach (var entry in unknown)
        {
            UnknownKey(entry, "a step", common.Concat(KindNames));
        }

        return kinds.FirstOrDefault();
    }

    private StepFields BindCommon(MappingNode map, SyntaxNode? idNode, StepHandle handle, string? kind)
    {
        var spec = kind is null ? null : LanguageSpec.FindKind(kind);
        var custom = kind is not null && spec is null;
        var retry = map["retry"] is { } retryNode ? BindRetry(retryNode) : null;
        if (map.Find("retry") is { } retryEntry && kind is not null && LanguageSpec.IsContainer(kind))
        {
            _diagnostics.Error(
                DiagnosticCodes.RetryOnContainer,
                retryEntry.Key.Location,
                $"'retry' cannot be set on a {kind} step: a retry would run again the steps inside it that already completed. Put 'retry' on the steps inside it, or move the steps into a child workflow and retry the 'workflow' step that calls it.");
        }

        var timeout = map["timeout"] is { } timeoutNode ? DurationValue(timeoutNode, "timeout", allowZero: false) : null;
        return new StepFields(
            Id: idNode is null ? string.Empty : BindId(idNode),
            Name: map["name"] is { } name ? FixedText(name, "name") : null,
            Location: map.Location,
            If: map["if"] is { } condition ? Condition(condition, "if", handle) : null,
            Retry: retry ?? (custom || spec?.TakesRetryDefault == true ? _defaultRetry : null),
            Timeout: timeout ?? (custom || spec?.TakesTimeoutDefault == true ? _defaultTimeout : null),
            OnError: map["on-error"] is { } onError ? BindOnError(onError, handle) : OnErrorPolicy.Fail,
            Compensate: map["compensate"] is { } compensate ? BindSequence(compensate, "compensate", SequenceRole.Compensation, 0) : null,
            MaxIterations: map["max-iterations"] is { } max ? (int)(Integer(max, "max-iterations", 1, int.MaxValue) ?? StepDefinition.DefaultMaxIterations) : StepDefinition.DefaultMaxIterations);
    }

    private string BindId(SyntaxNode node)
    {
        if (Text(node, "id") is not { } id)
        {
            return string.Empty;
        }

        if (!Regexes.StepId().IsMatch(id))
        {
            _diagnostics.Error(
                DiagnosticCodes.InvalidStepId,
                node.Location,
                $"'{id}' is not a valid step id; use letters, digits, '-' and '_', starting with a letter or '_'.");
        }

        return id;
    }

    private StepDefinition BindKind(MappingEntry kind, StepFields fields, StepHandle handle) => kind.Name switch
    {
        "http" => BindHttp(kind.Value, fields, handle),
        "run" => BindRun(kind.Value, fields, handle),
        "set" => BindSet(kind.Value, fields, handle),
        "switch" => BindSwitch(kind.Value, fields, handle),
        "parallel" => BindParallel(kind.Value, fields),
        "foreach" => BindForEach(kind.Value, fields, handle),
        "steps" => StepFactory.Group(fields, BindSequence(kind.Value, "steps", SequenceRole.Body, 0)),
        "wait" => BindWait(kind.Value, fields, handle),
        "approval" => BindApproval(kind.Value, fields, handle),
        "workflow" => BindWorkflowCall(kind.Value, fields, handle),
        "fail" => BindFail(kind.Value, fields, handle),
        _ => BindCustom(kind, fields, handle),
    };
}
