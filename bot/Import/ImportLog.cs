namespace KinerjaBot.Import;

/// <summary>Source-generated log messages of the import. Event ids 4200–4299 are stable.</summary>
internal static partial class ImportLog
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information,
        Message = "Office {KodeKantor} imported from {Path}: {Unit} units, {Pegawai} employees, {Kontrak} contracts, {Iku} IKU")]
    public static partial void Imported(ILogger logger, string kodeKantor, string path, int unit, int pegawai, int kontrak, int iku);

    [LoggerMessage(EventId = 4202, Level = LogLevel.Warning, Message = "Import of {Path} rejected: {Count} errors, first: {First}")]
    public static partial void Rejected(ILogger logger, string path, int count, string first);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Import of {Path}: {Warning}")]
    public static partial void Warning(ILogger logger, string path, string warning);

    [LoggerMessage(EventId = 4204, Level = LogLevel.Debug, Message = "Demo office not loaded: the store already holds {Count} offices")]
    public static partial void DemoSkipped(ILogger logger, int count);

    [LoggerMessage(EventId = 4205, Level = LogLevel.Warning, Message = "Demo office folder {Path} not found; nothing loaded")]
    public static partial void DemoMissing(ILogger logger, string path);
}
