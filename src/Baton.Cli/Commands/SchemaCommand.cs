using System.CommandLine;
using Baton.AI;
using Baton.Cli.Output;
using Baton.Definitions;

namespace Baton.Cli.Commands;

internal static class SchemaCommand
{
    public static Command Create()
    {
        var project = new Option<bool>("--project") { Description = "Print the schema of the project config file (baton.yaml) instead." };
        var command = new Command("schema", "Print the JSON Schema of the workflow language (with the AI step kinds), for editors such as the VS Code YAML extension.") { project };
        command.SetAction(parse =>
        {
            JsonOutput.Write(Console.Out, parse.GetValue(project)
                ? WorkflowLanguageSchema.GenerateProjectConfig()
                : WorkflowLanguageSchema.Generate(AIStepKinds.Schemas()));
            return ExitCodes.Success;
        });
        return command;
    }
}
