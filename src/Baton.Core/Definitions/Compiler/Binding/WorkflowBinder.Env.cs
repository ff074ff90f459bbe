using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

internal sealed partial class WorkflowBinder
{
    private List<EnvVariable> BindEnv(SyntaxNode? node)
    {
        switch (node)
        {
            case null or ScalarNode { IsNull: true }:
                return [];
            case SequenceNode:
                return BindNames(node, "env", "environment variable").Select(n => new EnvVariable(n.Name, null, Required: true)).ToList();
            case not MappingNode:
                WrongType(node, "env", "a list of names or a mapping of names to defaults");
                return [];
        }

        var result = new List<EnvVariable>();
        var seen = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        foreach (var entry in ((MappingNode)node).Entries)
        {
            if (!CheckName(entry.Key, entry.Name, "environment variable", seen))
            {
                continue;
            }

            switch (entry.Value)
            {
                case ScalarNode { IsNull: true } or ScalarNode { IsString: true, Value: "" }:
                    result.Add(new EnvVariable(entry.Name, null, Required: true));
                    break;
                case ScalarNode scalar:
                    if (HasExpression(scalar))
                    {
                        _diagnostics.Error(
                            DiagnosticCodes.ExpressionPlacement,
                            scalar.Location,
                            $"The default of '{entry.Name}' is fixed text; it cannot hold ${{{{ }}}} expressions, since env is read before anything else.");
                    }

                    result.Add(new EnvVariable(entry.Name, scalar.Value, Required: false));
                    break;
                default:
                    WrongType(entry.Value, $"env.{entry.Name}", "a default value (a string), or nothing to make it required");
                    break;
            }
        }

        return result;
    }

    /// <summary>Binds a list of names (<c>secrets</c>, or <c>env</c> as a list), reporting invalid and repeated ones.</summary>
    private List<(string Name, SyntaxNode Node)> BindNames(SyntaxNode node, string key, string what)
    {
        var result = new List<(string, SyntaxNode)>();
        if (List(node, key, "a list of names") is not { } list)
        {
            return result;
        }

        var seen = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            if (Text(item, key) is { } name && CheckName(item, name, what, seen))
            {
                result.Add((name, item));
            }
        }

        return result;
    }

    private bool CheckName(SyntaxNode node, string name, string what, Dictionary<string, SyntaxNode> seen)
    {
        if (!Regexes.EnvName().IsMatch(name))
        {
            _diagnostics.Error(
                DiagnosticCodes.InvalidName,
                node.Location,
                $"'{name}' is not a valid {what} name; use letters, digits and '_', starting with a letter or '_'.");
            return false;
        }

        if (seen.TryGetValue(name, out var first))
        {
            _diagnostics.Error(DiagnosticCodes.InvalidName, node.Location, $"The {what} '{name}' is declared twice; the first is at {Positions.Earlier(first.Location, node.Location)}.");
            return false;
        }

        seen[name] = node;
        return true;
    }
}
