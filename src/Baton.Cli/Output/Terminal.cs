namespace Baton.Cli.Output;

/// <summary>Writes human output, with colour only when stdout is a terminal and <c>NO_COLOR</c> is not set.</summary>
internal sealed class Terminal(TextWriter writer, bool color)
{
    public static Terminal Stdout { get; } = new(Console.Out, !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);

    public static Terminal Stderr { get; } = new(Console.Error, !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null);

    public TextWriter Writer => writer;

    public void Line(string text = "") => writer.WriteLine(text);

    public string Green(string text) => Paint("32", text);

    public string Red(string text) => Paint("31", text);

    public string Yellow(string text) => Paint("33", text);

    public string Cyan(string text) => Paint("36", text);

    public string Dim(string text) => Paint("2", text);

    public string Bold(string text) => Paint("1", text);

    private string Paint(string code, string text) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
