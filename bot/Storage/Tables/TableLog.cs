using Kinerja.Domain.Ports;

namespace KinerjaBot.Storage.Tables;

/// <summary>Source-generated log messages of the Azure Tables adapters. Event ids 8000–8199 are stable.</summary>
internal static partial class TableLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information,
        Message = "Office {KodeKantor} saved to Azure Tables as version {Versi} (generation {Generasi}): years replaced {TahunDiganti}, new {TahunBaru}")]
    public static partial void KantorSaved(ILogger logger, string kodeKantor, long versi, string generasi, string tahunDiganti, string tahunBaru);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning,
        Message = "Office {KodeKantor} head was changed by another writer (attempt {Attempt}, HTTP {Status}); committing again on the new head")]
    public static partial void KantorHeadConflict(ILogger logger, string kodeKantor, int attempt, int status);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Debug,
        Message = "Office {KodeKantor} loaded from Azure Tables in {Requests} requests, {Milliseconds} ms")]
    public static partial void KantorLoaded(ILogger logger, string kodeKantor, int requests, long milliseconds);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Debug,
        Message = "Office {KodeKantor} changed while it was being read (attempt {Attempt}); reading the new generation")]
    public static partial void KantorReadRetried(ILogger logger, string kodeKantor, int attempt);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Warning,
        Message = "Superseded partition {PartitionKey} of office {KodeKantor} could not be deleted; it is invisible and can be removed later")]
    public static partial void CleanupFailed(ILogger logger, Exception exception, string partitionKey, string kodeKantor);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Debug, Message = "Teams user {AadObjectId} linked to {KodeKantor} (Azure Tables)")]
    public static partial void PenggunaSaved(ILogger logger, string aadObjectId, string kodeKantor);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Debug, Message = "Conversation reference of {AadObjectId} saved to Azure Tables (removed: {Removed})")]
    public static partial void PercakapanSaved(ILogger logger, string aadObjectId, bool removed);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Debug, Message = "Conversation reference of {AadObjectId} from {At} not saved: a newer one is stored")]
    public static partial void PercakapanOlder(ILogger logger, string aadObjectId, DateTimeOffset at);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Information, Message = "{AadObjectId} recorded as unreachable in Azure Tables: {Reason} ({Code})")]
    public static partial void TidakTerjangkauSaved(ILogger logger, string aadObjectId, AlasanTidakTerjangkau reason, string? code);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Debug,
        Message = "Conversation entity of {AadObjectId} was changed by another writer (attempt {Attempt}, HTTP {Status}); deciding again on the new entity")]
    public static partial void PercakapanConflict(ILogger logger, string aadObjectId, int attempt, int status);

    [LoggerMessage(EventId = 8105, Level = LogLevel.Debug, Message = "SKP card {ActivityId} remembered for {KodeKantor}/{Tahun}/{Nip}; {Pruned} older card(s) forgotten")]
    public static partial void KartuSaved(ILogger logger, string activityId, string kodeKantor, int tahun, string nip, int pruned);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Debug, Message = "Dialog {Id} of {KodeKantor} saved to Azure Tables in one transaction of {Rows} rows")]
    public static partial void DialogSaved(ILogger logger, string id, string kodeKantor, int rows);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "Dialog {Id} of {KodeKantor} was already saved; nothing written")]
    public static partial void DialogSudahAda(ILogger logger, string id, string kodeKantor);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information, Message = "Follow-up {Id} of {KodeKantor} was changed by another writer (HTTP 412); theirs stands")]
    public static partial void TindakLanjutConflict(ILogger logger, string id, string kodeKantor);
}
