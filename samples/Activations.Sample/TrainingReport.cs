namespace Activations.Sample;

/// <summary>The state of a run after an epoch, measured on the whole training set.</summary>
/// <param name="Epoch">The number of completed epochs.</param>
/// <param name="Loss">The mean binary cross-entropy.</param>
/// <param name="Accuracy">The fraction of points classified correctly, in [0, 1].</param>
internal readonly record struct EpochReport(int Epoch, double Loss, double Accuracy);

/// <summary>The outcome of a run.</summary>
/// <param name="Final">The training-set report after the last epoch.</param>
/// <param name="TestLoss">The mean binary cross-entropy on the held-out points.</param>
/// <param name="TestAccuracy">The fraction of held-out points classified correctly, in [0, 1].</param>
internal readonly record struct TrainingResult(EpochReport Final, double TestLoss, double TestAccuracy);
