using Baton.Definitions.Compiler.Language;
using Baton.Definitions.Compiler.Yaml;
using Baton.Expressions;

namespace Baton.Definitions.Compiler.Binding;

internal sealed partial class WorkflowBinder
{
    private ActionStep BindHttp(SyntaxNode node, StepFields fields, StepHandle handle)
    {
        if (Mapping(node, "http", "a mapping with at least a 'url'") is { } map)
        {
            CheckKeys(map, LanguageSpec.Http);
            HttpChecks.Check(map, _diagnostics);
        }

        return StepFactory.Action(fields, "http", BuildValue(node, handle), BindEmbeddedWorkflows(node));
    }

    private ActionStep BindRun(SyntaxNode node, StepFields fields, StepHandle handle)
    {
        if (Mapping(node, "run", "a mapping with at least a 'command'") is { } map)
        {
            CheckKeys(map, LanguageSpec.Run);
            RunChecks.Check(map, _diagnostics);
        }

        return StepFactory.Action(fields, "run", BuildValue(node, handle), BindEmbeddedWorkflows(node));
    }

    private ActionStep BindCustom(MappingEntry kind, StepFields fields, StepHandle handle)
    {
        var config = BuildValue(kind.Value, handle);
        if (_options.CustomKinds.GetValueOrDefault(kind.Name) is { } schema)
        {
            _customConfigs.Add(new CustomConfigSite(kind.Name, schema, kind.Value));
        }

        return StepFactory.Action(fields, kind.Name, config, BindEmbeddedWorkflows(kind.Value));
    }

    private SetStep BindSet(SyntaxNode node, StepFields fields, StepHandle handle)
    {
        var values = new List<KeyValuePair<string, ValueTemplate>>();
        if (Mapping(node, "set", "a mapping of variable names to values") is not { } map)
        {
            return StepFactory.Set(fields, values);
        }

        if (map.Entries.Count == 0)
        {
            _diagnostics.Error(DiagnosticCodes.EmptyCollection, map.Location, "'set' needs at least one variable.");
        }

        foreach (var entry in map.Entries)
        {
            if (!Regexes.VariableName().IsMatch(entry.Name))
            {
                _diagnostics.Error(
                    DiagnosticCodes.InvalidName,
                    entry.Key.Location,
                    $"'{entry.Name}' is not a valid variable name; use letters, digits, '_' and '-', starting with a letter or '_'.");
            }

            values.Add(new KeyValuePair<string, ValueTemplate>(entry.Name, BuildValue(entry.Value, handle)));
        }

        return StepFactory.Set(fields, values);
    }
}
