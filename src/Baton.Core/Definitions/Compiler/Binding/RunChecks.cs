using Baton.Definitions.Compiler.Yaml;

namespace Baton.Definitions.Compiler.Binding;

/// <summary>Checks the parts of a <c>run</c> configuration that hold no template.</summary>
internal static class RunChecks
{
    public static void Check(MappingNode map, DiagnosticBag diagnostics)
    {
        if (ConfigChecks.String(diagnostics, map["command"], "command") is { } command && string.IsNullOrWhiteSpace(command.Value))
        {
            diagnostics.Error(DiagnosticCodes.InvalidRun, command.Location, "'command' must name a program or a path, not be empty.");
        }

        CheckArgs(map["args"], diagnostics);
        ConfigChecks.ScalarMap(diagnostics, map["env"], "env", entry =>
        {
            if (!Regexes.EnvName().IsMatch(entry.Name))
            {
                diagnostics.Error(
                    DiagnosticCodes.InvalidRun,
                    entry.Key.Location,
                    $"'{entry.Name}' is not a valid environment variable name; use letters, digits and '_', starting with a letter or '_'.");
            }
            else if (entry.Name.StartsWith("BATON_", StringComparison.OrdinalIgnoreCase))
            {
                diagnostics.Error(DiagnosticCodes.InvalidRun, entry.Key.Location, $"'{entry.Name}' is reserved: Baton sets the variables that start with BATON_.");
            }
        });
        ConfigChecks.String(diagnostics, map["working-dir"], "working-dir");
        ConfigChecks.String(diagnostics, map["stdin"], "stdin");
        ConfigChecks.PositiveIntegerOrTemplate(diagnostics, map["max-output-bytes"], "max-output-bytes");
    }

    private static void CheckArgs(SyntaxNode? node, DiagnosticBag diagnostics)
    {
        if (node is null)
        {
            return;
        }

        if (node is not SequenceNode list)
        {
            ConfigChecks.WrongType(diagnostics, node, "args", "a list, such as [\"--verbose\", \"${{ inputs.file }}\"]");
            return;
        }

        foreach (var item in list.Items.Where(i => i is not ScalarNode { IsNull: false }))
        {
            ConfigChecks.WrongType(diagnostics, item, "args", "a list of strings");
        }
    }
}
