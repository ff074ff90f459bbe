using System.Runtime.CompilerServices;
using Baton.Definitions;
using Baton.Expressions;

namespace Baton.Engine;

/// <summary>The templates a step evaluates, and the step ids they read, computed once per definition.</summary>
internal static class StepTemplates
{
    private static readonly ConditionalWeakTable<object, string[]> ReferencedSteps = new();

    /// <summary>The ids that the step's own templates read through <c>steps.ID</c>.</summary>
    public static string[] StepReferences(StepDefinition step)
        => ReferencedSteps.GetValue(step, static s => Collect(Enumerate((StepDefinition)s)));

    private static readonly ConditionalWeakTable<object, string[]> ReferencedSecrets = new();

    /// <summary>The secrets that the step's own templates read through <c>secrets.NAME</c>, its condition excepted.</summary>
    public static string[] SecretReferences(StepDefinition step)
        => ReferencedSecrets.GetValue(step, static s => CollectSecrets(Enumerate((StepDefinition)s).Where(t => t != ((StepDefinition)s).If)));

    /// <summary>The secrets that a template reads.</summary>
    public static string[] SecretReferences(Template template)
        => ReferencedSecrets.GetValue(template, static t => CollectSecrets([(Template)t]));

    /// <summary>The secrets that the workflow's outputs read.</summary>
    public static string[] OutputSecretReferences(WorkflowDefinition definition)
        => ReferencedSecrets.GetValue(definition, static d => CollectSecrets(((WorkflowDefinition)d).Outputs?.Templates.Select(t => t.Template) ?? []));

    private static string[] CollectSecrets(IEnumerable<Template> templates) => Collect(templates, "secrets");

    /// <summary>The ids that the workflow's outputs read.</summary>
    public static string[] OutputReferences(WorkflowDefinition definition)
        => ReferencedSteps.GetValue(definition, static d => Collect(((WorkflowDefinition)d).Outputs?.Templates.Select(t => t.Template) ?? []));

    private static string[] Collect(IEnumerable<Template> templates, string root = "steps")
        => [.. templates
            .SelectMany(t => t.References)
            .Where(r => r.Root == root && r.Members.Count > 0)
            .Select(r => r.Members[0])
            .Distinct(StringComparer.Ordinal)];

    private static IEnumerable<Template> Enumerate(StepDefinition step)
    {
        if (step.If is not null)
        {
            yield return step.If;
        }

        foreach (var template in OwnValues(step).OfType<ValueTemplate>().SelectMany(v => v.Templates).Select(t => t.Template))
        {
            yield return template;
        }

        foreach (var template in OwnTemplates(step).OfType<Template>())
        {
            yield return template;
        }
    }

    private static IEnumerable<ValueTemplate?> OwnValues(StepDefinition step)
    {
        yield return step.OnError.Output;
        switch (step)
        {
            case ActionStep action:
                yield return action.Config;
                break;
            case SetStep set:
                foreach (var value in set.Values)
                {
                    yield return value.Value;
                }

                break;
            case ApprovalStep approval:
                yield return approval.Data;
                break;
            case WorkflowCallStep call:
                yield return call.Inputs;
                break;
        }
    }

    private static IEnumerable<Template?> OwnTemplates(StepDefinition step)
    {
        switch (step)
        {
            case FailStep fail:
                yield return fail.Message;
                break;
            case ForEachStep forEach:
                yield return forEach.Items;
                break;
            case SwitchStep @switch:
                foreach (var c in @switch.Cases)
                {
                    yield return c.When;
                }

                break;
            case WaitStep wait:
                yield return wait.For;
                yield return wait.Until;
                yield return wait.EventTimeout;
                break;
            case ApprovalStep approval:
                yield return approval.Title;
                yield return approval.Instructions;
                break;
        }
    }
}
