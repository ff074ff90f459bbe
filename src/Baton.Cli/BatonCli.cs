namespace Baton.Cli;

/// <summary>The command line's entry point.</summary>
internal static class BatonCli
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("baton: the command line is being assembled.");
        return Task.FromResult(args.Length == 0 ? 2 : 2);
    }
}
