using System.Text.RegularExpressions;

namespace Baton.Core.Tests.Definitions;

/// <summary>The YAML examples of docs/language.md, each made into a whole workflow where it is a fragment.</summary>
internal static partial class DocsExamples
{
    public static string RepositoryFile(string relative)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"'{relative}' was not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>Every ```yaml block of the language reference, as a complete workflow text.</summary>
    public static IReadOnlyList<string> Workflows()
    {
        var markdown = File.ReadAllText(RepositoryFile("docs/language.md"));
        return YamlBlock().Matches(markdown).Select(m => AsWorkflow(m.Groups[1].Value)).ToList();
    }

    private static string AsWorkflow(string block)
    {
        if (block.StartsWith("name:", StringComparison.Ordinal))
        {
            return block;
        }

        if (block.StartsWith("- ", StringComparison.Ordinal))
        {
            return "name: docs\nsteps:\n" + Indent(block, 2);
        }

        return "name: docs\nsteps:\n  - id: wrapped\n    set: { a: 1 }\n" + Indent(block, 4);
    }

    private static string Indent(string text, int spaces)
        => string.Join('\n', text.Split('\n').Select(l => l.Length == 0 ? l : new string(' ', spaces) + l));

    [GeneratedRegex("```yaml\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
