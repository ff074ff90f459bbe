using System.CommandLine;
using Baton.Cli.Output;
using Baton.Definitions;

namespace Baton.Cli.Commands;

internal static class SchemaCommand
{
    public static Command Create()
    {
        var command = new Command("schema", "Print the JSON Schema of the workflow language, for editors (for example the VS Code YAML extension).");
        command.SetAction(_ =>
        {
            JsonOutput.Write(Console.Out, WorkflowLanguageSchema.Generate());
            return ExitCodes.Success;
        });
        return command;
    }
}
