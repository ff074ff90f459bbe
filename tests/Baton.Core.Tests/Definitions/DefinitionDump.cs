using System.Text;
using Baton.Definitions;

namespace Baton.Core.Tests.Definitions;

/// <summary>A text form of a compiled definition's structure, for comparing two compilations.</summary>
internal static class DefinitionDump
{
    public static string Of(WorkflowDefinition definition)
    {
        var text = new StringBuilder();
        text.AppendLine($"{definition.Name} {definition.Version} {definition.Hash} {definition.InputSchema?.ToJsonString()}");
        text.AppendLine(string.Join(",", definition.Env) + " " + string.Join(",", definition.Secrets));
        text.AppendLine($"models {definition.Models?.ToJsonString()}");
        text.AppendLine($"project {definition.Project?.File} {definition.Project?.Models?.ToJsonString()} {definition.Project?.Providers?.ToJsonString()} {definition.Project?.Prices?.ToJsonString()}");
        Sequence(definition.Steps, text, 0);
        foreach (var (template, location) in definition.Outputs?.Templates ?? [])
        {
            text.AppendLine($"out {template.Text} {location.Line}:{location.Column}");
        }

        return text.ToString();
    }

    private static void Sequence(StepSequence sequence, StringBuilder text, int depth)
    {
        text.AppendLine($"{new string(' ', depth)}[{sequence.Role} {sequence.Ordinal} owner={sequence.Owner?.Id}]");
        foreach (var step in sequence.Steps)
        {
            text.AppendLine(
                $"{new string(' ', depth)}{step.Kind} {step.Id} {step.Name} {step.Location.Line}:{step.Location.Column} if={step.If?.Text} " +
                $"retry={step.Retry} timeout={step.Timeout} onerror={step.OnError.Action}:{step.OnError.Target} max={step.MaxIterations} index={step.Index}");
            if (step is WorkflowCallStep call)
            {
                text.AppendLine($"{new string(' ', depth)} child {call.Child.Hash}");
            }

            if (step is ActionStep action)
            {
                foreach (var (path, child) in action.Workflows.OrderBy(w => w.Key, StringComparer.Ordinal))
                {
                    text.AppendLine($"{new string(' ', depth)} embedded {path} {child.Hash}");
                }
            }

            foreach (var child in step.ChildSequences)
            {
                Sequence(child, text, depth + 2);
            }
        }
    }
}
