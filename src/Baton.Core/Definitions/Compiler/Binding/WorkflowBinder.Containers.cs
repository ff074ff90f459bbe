using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Yaml;
using Baton.Expressions;

namespace Baton.Definitions.Compiler.Binding;

internal sealed partial class WorkflowBinder
{
    private SwitchStep BindSwitch(SyntaxNode node, StepFields fields, StepHandle handle)
    {
        var cases = new List<SwitchCase>();
        SwitchCase? defaultCase = null;
        if (Mapping(node, "switch", "a mapping with 'cases'") is { } map)
        {
            CheckKeys(map, LanguageSpec.Switch);
            if (map["cases"] is { } casesNode && List(casesNode, "cases", "a list of cases") is { } list)
            {
                if (list.Items.Count == 0)
                {
                    _diagnostics.Error(DiagnosticCodes.EmptyCollection, list.Location, "'cases' needs at least one case.");
                }

                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (Mapping(list.Items[i], "cases", "a list of mappings with 'when' and 'goto' or 'steps'") is { } caseMap)
                    {
                        cases.Add(BindCase(caseMap, handle, SequenceRole.Case, i));
                    }
                }
            }

            if (map["default"] is { } defaultNode && Mapping(defaultNode, "default", "a mapping with 'goto' or 'steps'") is { } defaultMap)
            {
                defaultCase = BindCase(defaultMap, handle, SequenceRole.DefaultCase, 0);
            }
        }

        return StepFactory.Switch(fields, cases, defaultCase);
    }

    private SwitchCase BindCase(MappingNode map, StepHandle handle, SequenceRole role, int ordinal)
    {
        var isDefault = role == SequenceRole.DefaultCase;
        if (isDefault && map.Find("when") is { } when)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidSwitchCase, when.Key.Location, "The default case has no 'when': it is taken when no case matches. Make it a case, or remove 'when'.");
        }

        CheckKeys(map, isDefault ? LanguageSpec.SwitchDefault : LanguageSpec.SwitchCase, isDefault ? ["when"] : null);
        var jump = map.Find("goto");
        var steps = map.Find("steps");
        if (jump is null && steps is null)
        {
            _diagnostics.Error(DiagnosticCodes.InvalidSwitchCase, map.Location, $"A {(isDefault ? "default case" : "case")} needs one of 'goto' and 'steps'.");
        }
        else if (jump is not null && steps is not null)
        {
            var second = map.Entries.ToList().IndexOf(jump) > map.Entries.ToList().IndexOf(steps) ? jump : steps;
            _diagnostics.Error(DiagnosticCodes.InvalidSwitchCase, second.Key.Location, "A case has either 'goto' or 'steps', not both.");
        }

        if (jump is not null && StringScalar(jump.Value, "goto", "a step id") is { } target)
        {
            _gotos.Add(new GotoSite(target.Value, target, handle));
        }

        return new SwitchCase
        {
            Name = map["name"] is { } name ? FixedText(name, "name") : null,
            When = !isDefault && map["when"] is { } condition ? Condition(condition, "when", handle) : null,
            Goto = (jump?.Value as ScalarNode)?.Value,
            Steps = steps is null ? null : BindSequence(steps.Value, "steps", role, ordinal),
            Location = map.Location,
        };
    }

    private ParallelStep BindParallel(SyntaxNode node, StepFields fields)
    {
        var mode = ParallelMode.All;
        SyntaxNode? branches = node;
        if (node is MappingNode map)
        {
            CheckKeys(map, LanguageSpec.Parallel);
            branches = map["branches"];
            if (map["mode"] is { } modeNode && Text(modeNode, "mode") is { } modeText)
            {
                mode = modeText switch { "all" => ParallelMode.All, "any" => ParallelMode.Any, _ => ParallelMode.All };
                if (modeText is not ("all" or "any"))
                {
                    _diagnostics.Error(DiagnosticCodes.NotAllowedValue, modeNode.Location, $"'mode' must be 'all' or 'any', not '{modeText}'.");
                }
            }
        }
        else if (node is not SequenceNode)
        {
            WrongType(node, "parallel", "a list of branches or a mapping with 'branches'");
            branches = null;
        }

        var sequences = new List<StepSequence>();
        if (branches is not null && List(branches, "branches", "a list of steps") is { } list)
        {
            if (list.Items.Count == 0)
            {
                _diagnostics.Error(DiagnosticCodes.EmptyCollection, list.Location, "A parallel step needs at least one branch.");
            }

            foreach (var item in list.Items)
            {
                if (BindStep(item) is { } step)
                {
                    sequences.Add(new StepSequence([step], SequenceRole.Branch, sequences.Count));
                }
            }
        }

        return StepFactory.Parallel(fields, mode, sequences);
    }

    private ForEachStep BindForEach(SyntaxNode node, StepFields fields, StepHandle handle)
    {
        Template? items = null;
        var concurrency = 1;
        StepSequence? body = null;
        if (Mapping(node, "foreach", "a mapping with 'items' and 'steps'") is { } map)
        {
            CheckKeys(map, LanguageSpec.ForEach);
            if (map["items"] is { } itemsNode)
            {
                items = BindItems(itemsNode, handle);
            }

            if (map["concurrency"] is { } concurrencyNode && Integer(concurrencyNode, "concurrency", 1, ForEachStep.MaxConcurrency) is { } value)
            {
                concurrency = (int)value;
            }

            body = map["steps"] is { } steps ? BindSequence(steps, "steps", SequenceRole.Body, 0) : null;
        }

        return StepFactory.ForEach(fields, items ?? Template.Parse(string.Empty), concurrency, body ?? new StepSequence([], SequenceRole.Body));
    }

    private Template? BindItems(SyntaxNode node, StepHandle handle)
    {
        const string Advice = "write an expression that gives a list, such as ${{ inputs.documents }}, or a fixed list as ${{ ['a', 'b'] }}";
        if (node is ScalarNode { IsString: true } scalar && HasExpression(scalar))
        {
            return TemplateOf(scalar, handle);
        }

        _diagnostics.Error(DiagnosticCodes.ExpressionPlacement, node.Location, $"'items' must be an expression, not {node.Describe()}: {Advice}.");
        return null;
    }
}
