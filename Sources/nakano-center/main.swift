import CenterAPI
print("nakano-center")
