using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Validation;

/// <summary>Finds the YAML node that a value path (member names and indexes) points at.</summary>
internal static class YamlPath
{
    /// <summary>The deepest node on the path, and the entry whose key led to it (null when the last step was an index or nothing matched).</summary>
    public static (SyntaxNode Node, MappingEntry? Entry) Locate(SyntaxNode root, IEnumerable<object> path)
    {
        var node = root;
        MappingEntry? entry = null;
        foreach (var segment in path)
        {
            switch (node, segment)
            {
                case (MappingNode map, string name) when map.Find(name) is { } found:
                    entry = found;
                    node = found.Value;
                    break;
                case (SequenceNode list, int index) when index >= 0 && index < list.Items.Count:
                    entry = null;
                    node = list.Items[index];
                    break;
                default:
                    return (node, entry);
            }
        }

        return (node, entry);
    }

    /// <summary>Where to report a problem at <paramref name="path"/>: the key itself when <paramref name="atKey"/> and the path ends at a key, else the value.</summary>
    public static SourceLocation LocationOf(SyntaxNode root, IReadOnlyList<object> path, bool atKey)
    {
        var (node, entry) = Locate(root, path);
        return atKey && entry is not null && path.Count > 0 && path[^1] is string name && entry.Name == name ? entry.Key.Location : node.Location;
    }
}
