return await Baton.Cli.BatonCli.RunAsync(args).ConfigureAwait(false);
