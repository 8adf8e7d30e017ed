from types import SimpleNamespace

from networks.services import word_cloud, word_list


def expectation(phrase, weight):
    return SimpleNamespace(phrase=phrase, weight=weight)


def test_levels_span_the_whole_scale():
    cloud = word_cloud([expectation("a", 2), expectation("b", 6), expectation("c", 10)])
    assert {word.phrase: word.level for word in cloud} == {"a": 1, "b": 3, "c": 5}


def test_equal_weights_share_the_middle_size():
    cloud = word_cloud([expectation("a", 3), expectation("b", 3)])
    assert {word.level for word in cloud} == {3}


def test_heaviest_word_sits_in_the_middle_and_the_list_reads_heaviest_first():
    cloud = word_cloud(
        [expectation(name, weight) for name, weight in [("x", 1), ("y", 2), ("z", 9), ("w", 5), ("v", 3)]]
    )
    assert cloud[len(cloud) // 2].phrase == "z"
    assert [word.phrase for word in word_list(cloud)] == ["z", "w", "v", "y", "x"]


def test_empty_cloud():
    assert word_cloud([]) == []
