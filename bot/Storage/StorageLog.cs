
namespace KinerjaBot.Storage;

/// <summary>Source-generated log messages of the storage adapters. Event ids 4100–4199 are stable.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "SQLite schema of {Path} migrated from version {From} to {To}")]
    public static partial void SchemaMigrated(ILogger logger, string path, int from, int to);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Debug, Message = "SQLite schema of {Path} is at version {Version}")]
    public static partial void SchemaCurrent(ILogger logger, string path, int version);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information,
        Message = "Office {KodeKantor} saved as version {Versi}: years replaced {TahunDiganti}, new {TahunBaru}")]
    public static partial void KantorSaved(ILogger logger, string kodeKantor, long versi, string tahunDiganti, string tahunBaru);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "Office {KodeKantor} was changed by another writer (attempt {Attempt}); saving again on the new version")]
    public static partial void KantorVersionConflict(ILogger logger, string kodeKantor, int attempt);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Debug, Message = "Office {KodeKantor} loaded in {Milliseconds} ms")]
    public static partial void KantorLoaded(ILogger logger, string kodeKantor, long milliseconds);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Debug, Message = "Teams user {AadObjectId} linked to {KodeKantor}")]
    public static partial void PenggunaSaved(ILogger logger, string aadObjectId, string kodeKantor);
}
