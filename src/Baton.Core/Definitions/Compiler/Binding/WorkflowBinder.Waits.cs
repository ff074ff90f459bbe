using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Yaml;
using Baton.Expressions;

namespace Baton.Definitions.Compiler.Binding;

internal sealed partial class WorkflowBinder
{
    private WaitStep BindWait(SyntaxNode node, StepFields fields, StepHandle handle)
    {
        if (node is ScalarNode { IsString: true } shorthand)
        {
            return StepFactory.Wait(fields, WaitDuration(shorthand, "wait", handle), null, [], null);
        }

        if (Mapping(node, "wait", "a duration such as 30s, or a mapping with 'for', 'until' or 'events'") is not { } map)
        {
            return StepFactory.Wait(fields, null, null, [], null);
        }

        CheckKeys(map, LanguageSpec.Wait);
        var forms = map.Entries.Where(e => e.Name is "for" or "until" or "event" or "events").ToList();
        if (forms.Count == 0)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidWait, map.Location, "A wait needs one of 'for', 'until', 'event' or 'events'.");
        }

        foreach (var extra in forms.Skip(1))
        {
            _diagnostics.Error(
                DiagnosticCodes.InvalidWait,
                extra.Key.Location,
                $"A wait takes one of 'for', 'until', 'event' and 'events', but this one has '{forms[0].Name}' and '{extra.Name}'. Use two wait steps.");
        }

        var events = BindEvents(map);
        if (map.Find("timeout") is { } timeout && forms.All(f => f.Name is not ("event" or "events")))
        {
            _diagnostics.Error(
                DiagnosticCodes.InvalidWait,
                timeout.Key.Location,
                "'timeout' inside 'wait' bounds a wait for events; a timed wait ends by itself. Use the step's own 'timeout' to bound any wait.");
        }

        return StepFactory.Wait(
            fields,
            map["for"] is { } duration && StringScalar(duration, "for", "a duration such as 30s") is { } forScalar ? WaitDuration(forScalar, "for", handle) : null,
            map["until"] is { } until && StringScalar(until, "until", "an ISO-8601 time") is { } untilScalar ? WaitTime(untilScalar, handle) : null,
            events,
            map["timeout"] is { } eventTimeout && StringScalar(eventTimeout, "timeout", "a duration such as 4h") is { } timeoutScalar ? WaitDuration(timeoutScalar, "timeout", handle) : null);
    }

    private Template WaitDuration(ScalarNode scalar, string key, StepHandle handle)
    {
        if (!HasExpression(scalar))
        {
            DurationValue(scalar, key, allowZero: true);
        }

        return TemplateOf(scalar, handle);
    }

    private Template WaitTime(ScalarNode scalar, StepHandle handle)
    {
        if (!HasExpression(scalar) && !(Regexes.IsoTime().IsMatch(scalar.Value) && DateTimeOffset.TryParse(scalar.Value, System.Globalization.CultureInfo.InvariantCulture, out _)))
        {
            _diagnostics.Error(
                DiagnosticCodes.InvalidTime,
                scalar.Location,
                $"'{scalar.Value}' is not an ISO-8601 time with an offset, such as 2026-12-01T09:00:00Z.");
        }

        return TemplateOf(scalar, handle);
    }

    private List<string> BindEvents(MappingNode map)
    {
        var events = new List<string>();
        if (map["event"] is { } single && Text(single, "event") is { } name)
        {
            events.Add(CheckEventName(single, name));
        }

        if (map["events"] is { } many && List(many, "events", "a list of event names") is { } list)
        {
            if (list.Items.Count == 0)
            {
                _diagnostics.Error(DiagnosticCodes.EmptyCollection, list.Location, "'events' needs at least one event name.");
            }

            foreach (var item in list.Items)
            {
                if (Text(item, "events") is { } eventName)
                {
                    events.Add(CheckEventName(item, eventName));
                }
            }
        }

        return events;
    }

    private string CheckEventName(SyntaxNode node, string name)
    {
        if (!Regexes.EventName().IsMatch(name))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidName, node.Location, $"'{name}' is not a valid event name; use letters, digits, '_', '.', ':' and '-'.");
        }

        return name;
    }

    private ApprovalStep BindApproval(SyntaxNode node, StepFields fields, StepHandle handle)
    {
        if (Mapping(node, "approval", "a mapping (it may be empty: approval: {})") is not { } map)
        {
            return StepFactory.Approval(fields, null, null, null, [], []);
        }

        CheckKeys(map, LanguageSpec.Approval);
        return StepFactory.Approval(
            fields,
            map["title"] is { } title ? TemplateValue(title, "title", handle) : null,
            map["instructions"] is { } instructions ? TemplateValue(instructions, "instructions", handle) : null,
            map["data"] is { } data ? BuildValue(data, handle) : null,
            map["assignees"] is { } assignees ? StringList(assignees, "assignees", Regexes.Assignee(), "is not an assignee; write role:NAME or user:NAME") : [],
            map["editable"] is { } editable ? StringList(editable, "editable", null, null) : []);
    }

    private List<string> StringList(SyntaxNode node, string key, System.Text.RegularExpressions.Regex? pattern, string? problem)
    {
        var result = new List<string>();
        if (List(node, key, "a list of strings") is not { } list)
        {
            return result;
        }

        foreach (var item in list.Items)
        {
            if (FixedText(item, key) is not { } text)
            {
                continue;
            }

            if (pattern is not null && !pattern.IsMatch(text))
            {
                _diagnostics.Error(DiagnosticCodes.InvalidName, item.Location, $"'{text}' {problem}.");
            }

            result.Add(text);
        }

        return result;
    }
}
